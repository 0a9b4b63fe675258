using BenchmarkDotNet.Attributes;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Signing;
using OpenLedger.Ethereum.Transactions;

namespace OpenLedger.Benchmarks;

/// <summary>secp256k1 signatures/s, recoveries/s and EIP-1559 sign+encode/s (ops/s = 1 / mean time).</summary>
[MemoryDiagnoser]
public class SigningBenchmarks
{
    private readonly SigningKey _key = SigningKey.Parse("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    private readonly Hash32 _hash = Keccak.Hash("benchmark");
    private Signature _signature;

    private readonly Eip1559Transaction _transaction = new()
    {
        ChainId = 31337, Nonce = 42, MaxPriorityFeePerGas = 1_000_000_000, MaxFeePerGas = 30_000_000_000, GasLimit = 120_000,
        To = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"), Value = 1_000_000_000_000_000,
        Data = Convert.FromHexString("a9059cbb00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c80000000000000000000000000000000000000000000000000de0b6b3a7640000"),
    };

    [GlobalSetup]
    public void Setup() => _signature = _key.Sign(_hash);

    [Benchmark]
    public Signature Sign() => _key.Sign(_hash);

    [Benchmark]
    public Address? RecoverAddress() => EcRecover.RecoverAddress(_hash, _signature);

    [Benchmark]
    public byte[] SignAndEncodeEip1559() => _transaction.Sign(_key).RawBytes;
}

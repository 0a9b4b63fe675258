using BenchmarkDotNet.Attributes;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Benchmarks;

/// <summary>Keccak-256 throughput: MB/s = Size / mean time. Compare with benchmarks/ethers/crypto.js.</summary>
[MemoryDiagnoser]
public class KeccakBenchmarks
{
    private byte[] _input = [];
    private readonly byte[] _output = new byte[32];

    [Params(32, 64, 1 << 20)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _input = new byte[Size];
        new Random(1).NextBytes(_input);
    }

    [Benchmark]
    public byte[] Keccak256()
    {
        Keccak.Hash(_input, _output);
        return _output;
    }
}

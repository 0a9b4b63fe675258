using System.Numerics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.ABI.Model;
using Nethereum.Model;
using Nethereum.Signer;
using OpenLedger.Contracts.Registry;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Signing;
using OpenLedger.Ethereum.Transactions;
using Signature = OpenLedger.Ethereum.Signing.Signature;

namespace OpenLedger.Benchmarks;

/// <summary>
/// Our layer beside Nethereum 6.1.0 (the tests' second oracle) on the same inputs, one category per operation:
/// the ratio column is Nethereum's time over ours. These are the figures in src/OpenLedger.Ethereum/README.md.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class NethereumComparisonBenchmarks
{
    private const string PrivateKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private readonly SigningKey _key = SigningKey.Parse(PrivateKey);
    private readonly EthECKey _theirKey = new(PrivateKey);
    private readonly Hash32 _hash = Keccak.Hash("benchmark");
    private readonly byte[] _message = "OpenLedger: sign in to the relay"u8.ToArray();
    private Eip1559Transaction _transaction = null!;
    private Transaction1559 _theirTransaction = null!;
    private Hash32[] _topics = [];
    private object[] _theirTopics = [];
    private byte[] _data = [];
    private string _dataHex = "";
    private EventABI _theirEvent = null!;

    [GlobalSetup]
    public void Setup()
    {
        var to = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        var calldata = Convert.FromHexString("a9059cbb00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c80000000000000000000000000000000000000000000000000de0b6b3a7640000");
        _transaction = new Eip1559Transaction
        {
            ChainId = 31337, Nonce = 42, MaxPriorityFeePerGas = 1_000_000_000, MaxFeePerGas = 30_000_000_000, GasLimit = 120_000,
            To = to, Value = 1_000_000_000_000_000, Data = calldata,
        };
        _theirTransaction = new Transaction1559(31337, 42, 1_000_000_000, 30_000_000_000, 120_000, to.ToString(), 1_000_000_000_000_000, Hex.Encode(calldata), []);

        var registered = ContributionRegisteredEvent.Descriptor;
        _topics = [registered.Topic0, Keccak.Hash("id"), new Hash32(AbiEncoder.Encode(AbiType.UInt256, 7)),
            new Hash32(AbiEncoder.Encode(AbiType.Address, Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")))];
        _data = AbiEncoder.Encode([AbiType.Bytes32, AbiType.UInt(8), AbiType.UInt256, AbiType.String],
            [Keccak.Hash("artifact"), 3, BigInteger.Pow(10, 18), AbiBenchmarks.Uri]);
        _theirTopics = [.. _topics.Select(t => (object)t.ToString())];
        _dataHex = Hex.Encode(_data);
        _theirEvent = Nethereum.ABI.ABIDeserialisation.ABIDeserialiserFactory.DeserialiseContractABI("""
            [{"type":"event","name":"ContributionRegistered","anonymous":false,"inputs":[
              {"name":"id","type":"bytes32","indexed":true},{"name":"modelId","type":"uint256","indexed":true},
              {"name":"contributor","type":"address","indexed":true},{"name":"contentHash","type":"bytes32","indexed":false},
              {"name":"kind","type":"uint8","indexed":false},{"name":"bond","type":"uint256","indexed":false},
              {"name":"uri","type":"string","indexed":false}]}]
            """).Events[0];
    }

    [Benchmark(Baseline = true, Description = "ours"), BenchmarkCategory("sign a hash")]
    public Signature SignHash() => _key.Sign(_hash);

    [Benchmark(Description = "Nethereum"), BenchmarkCategory("sign a hash")]
    public EthECDSASignature SignHashNethereum() => _theirKey.SignAndCalculateV(_hash.ToArray());

    [Benchmark(Baseline = true, Description = "ours"), BenchmarkCategory("personal_sign")]
    public Signature PersonalSign() => PersonalMessage.Sign(_key, _message);

    [Benchmark(Description = "Nethereum"), BenchmarkCategory("personal_sign")]
    public string PersonalSignNethereum() => new EthereumMessageSigner().Sign(_message, _theirKey);

    [Benchmark(Baseline = true, Description = "ours"), BenchmarkCategory("sign+encode EIP-1559")]
    public byte[] SignEip1559() => _transaction.Sign(_key).RawBytes;

    [Benchmark(Description = "Nethereum"), BenchmarkCategory("sign+encode EIP-1559")]
    public string SignEip1559Nethereum() => new TypeTransactionSigner<Transaction1559>().SignTransaction(_theirKey, _theirTransaction);

    [Benchmark(Baseline = true, Description = "ours"), BenchmarkCategory("ContributionRegistered log -> record")]
    public ContributionRegisteredEvent DecodeLog() => ContributionRegisteredEvent.Decode(_topics, _data);

    [Benchmark(Description = "Nethereum, default outputs"), BenchmarkCategory("ContributionRegistered log -> record")]
    public List<ParameterOutput> DecodeLogNethereum() => new EventTopicDecoder().DecodeDefaultTopics(_theirEvent, _theirTopics, _dataHex);

    [Benchmark(Description = "Nethereum, typed event DTO"), BenchmarkCategory("ContributionRegistered log -> record")]
    public ContributionRegisteredDto DecodeLogNethereumTyped() => new EventTopicDecoder().DecodeTopics<ContributionRegisteredDto>(_theirTopics, _dataHex);

    /// <summary>The event as a Nethereum user declares it.</summary>
    [Event("ContributionRegistered")]
    public sealed class ContributionRegisteredDto : IEventDTO
    {
        [Parameter("bytes32", "id", 1, true)] public byte[] Id { get; set; } = [];
        [Parameter("uint256", "modelId", 2, true)] public BigInteger ModelId { get; set; }
        [Parameter("address", "contributor", 3, true)] public string Contributor { get; set; } = "";
        [Parameter("bytes32", "contentHash", 4, false)] public byte[] ContentHash { get; set; } = [];
        [Parameter("uint8", "kind", 5, false)] public byte Kind { get; set; }
        [Parameter("uint256", "bond", 6, false)] public BigInteger Bond { get; set; }
        [Parameter("string", "uri", 7, false)] public string Uri { get; set; } = "";
    }
}

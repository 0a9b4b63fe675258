using System.Numerics;
using BenchmarkDotNet.Attributes;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Benchmarks;

/// <summary>
/// ABI decode of one ContributionRegistered log (the indexer's hot path) and ABI encode of a registerBatch call.
/// benchmarks/ethers/abi-bench.js measures ethers v6 on the same log and call for comparison.
/// </summary>
[MemoryDiagnoser]
public class AbiBenchmarks
{
    // 60 characters, like a real content URI.
    internal const string Uri = "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtq/a";

    private static readonly AbiEvent Registered = AbiEvent.Parse(
        "event ContributionRegistered(uint256 indexed id, uint256 indexed modelId, address indexed contributor, bytes32 contentHash, uint8 kind, string uri, uint256 bond)");

    private static readonly AbiFunction RegisterBatch = AbiFunction.Parse(
        "registerBatch((uint256 modelId, bytes32 contentHash, uint8 kind, string uri)[] items)");

    private Hash32[] _topics = [];
    private byte[] _data = [];
    private object?[] _batch = [];

    [GlobalSetup]
    public void Setup()
    {
        var contributor = Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        _topics = [Registered.Topic0, AbiEvent.EncodeTopic(AbiType.UInt256, 42), AbiEvent.EncodeTopic(AbiType.UInt256, 7), AbiEvent.EncodeTopic(AbiType.Address, contributor)];
        _data = AbiEncoder.Encode([AbiType.Bytes32, AbiType.UInt(8), AbiType.String, AbiType.UInt256],
            [Keccak.Hash("artifact").ToArray(), 3, Uri, BigInteger.Pow(10, 18)]);
        _batch = [.. Enumerable.Range(0, 10).Select(i => (object?)new object?[] { new BigInteger(7), Keccak.Hash($"artifact {i}").ToArray(), (byte)(i % 4), Uri })];
    }

    [Benchmark(Description = "decode ContributionRegistered log")]
    public DecodedEvent DecodeContributionRegistered() => Registered.DecodeLog(_topics, _data);

    [Benchmark(Description = "encode registerBatch calldata (10 items)")]
    public byte[] EncodeRegisterBatch() => RegisterBatch.EncodeCall([_batch]);
}

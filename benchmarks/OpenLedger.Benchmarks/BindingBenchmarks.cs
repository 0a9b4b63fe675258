using BenchmarkDotNet.Attributes;
using OpenLedger.Contracts.Registry;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Benchmarks;

/// <summary>
/// The typed bindings on the indexer's and submitter's hot paths: a ContributionRegistered log into its record,
/// and registerBatch calldata from records. Compare with AbiBenchmarks for the cost of the typed layer.
/// </summary>
[MemoryDiagnoser]
public class BindingBenchmarks
{
    private Hash32[] _topics = [];
    private byte[] _data = [];
    private RegisterBatchFunction _batch = new(0, []);

    [GlobalSetup]
    public void Setup()
    {
        var contributor = Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        var registered = ContributionRegisteredEvent.Descriptor;
        var contentHash = Keccak.Hash("artifact");
        _topics = [registered.Topic0, Keccak.Hash("id"), new Hash32(Ethereum.Abi.AbiEncoder.Encode(Ethereum.Abi.AbiType.UInt256, 7)),
            new Hash32(Ethereum.Abi.AbiEncoder.Encode(Ethereum.Abi.AbiType.Address, contributor))];
        _data = Ethereum.Abi.AbiEncoder.Encode(
            [Ethereum.Abi.AbiType.Bytes32, Ethereum.Abi.AbiType.UInt(8), Ethereum.Abi.AbiType.UInt256, Ethereum.Abi.AbiType.String],
            [contentHash, 3, System.Numerics.BigInteger.Pow(10, 18), AbiBenchmarks.Uri]);
        _batch = new RegisterBatchFunction(7, [.. Enumerable.Range(0, 10).Select(i =>
            new Entry(Keccak.Hash($"artifact {i}"), (Kind)(i % 4), 1_000_000_000, AbiBenchmarks.Uri))]);
    }

    [Benchmark(Description = "ContributionRegistered log -> typed record")]
    public ContributionRegisteredEvent DecodeTypedEvent() => ContributionRegisteredEvent.Decode(_topics, _data);

    [Benchmark(Description = "registerBatch calldata from 10 typed entries")]
    public byte[] EncodeTypedBatch() => _batch.Encode();
}

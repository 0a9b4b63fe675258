using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Node.Epochs;

namespace OpenLedger.Benchmarks;

/// <summary>
/// The node's side of report → epoch without the chain, for N contributors (one "scores" contribution each): parse +
/// validate + attribute + split + the contract's tree with every proof + canonical distribution JSON, and the
/// content-addressed store of both files. benchmarks/epochs/run.sh measures the whole path, chain and index included.
/// </summary>
[MemoryDiagnoser]
public class EpochPipelineBenchmarks
{
    private byte[] _report = [];
    private string _directory = "";
    private SqliteEpochStore _store = null!;

    [Params(10_000)]
    public int Contributors { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var entries = new JsonArray();
        var scores = new JsonArray();
        for (var i = 0; i < Contributors; i++)
        {
            var id = new System.Numerics.BigInteger(Keccak.Hash($"id-{i}").AsSpan(), isUnsigned: true, isBigEndian: true).ToString();
            entries.Add(new JsonObject
            {
                ["id"] = id, ["contributor"] = Hex.Encode(Keccak.Hash($"account-{i}").AsSpan()[12..]),
                ["contentHash"] = Keccak.Hash($"content-{i}").ToString(), ["registeredAtBlock"] = 100 + i, ["logIndex"] = 0, ["status"] = "active",
            });
            scores.Add(new JsonObject { ["id"] = id, ["value"] = 1 + (i * 7919 % 1000) / 1000.0 });
        }
        var report = new JsonObject
        {
            ["schema"] = "openledger.performance-report/v1", ["modelId"] = "1", ["epoch"] = 1,
            ["evaluation"] = new JsonObject { ["metric"] = "accuracy", ["score"] = 0.9, ["baseline"] = 0.5, ["testSetHash"] = Keccak.Hash("t").ToString() },
            ["contributions"] = entries,
            ["attribution"] = new JsonObject { ["method"] = "scores", ["parameters"] = new JsonObject(), ["evidence"] = new JsonObject { ["scores"] = scores } },
            ["rewards"] = new JsonObject { ["open"] = "1000000000000000000000", ["shares"] = "10000000000000000000000" },
        };
        _report = System.Text.Encoding.UTF8.GetBytes(report.ToJsonString());
        _directory = Directory.CreateTempSubdirectory("openledger-epoch-bench-").FullName;
        _store = new SqliteEpochStore(_directory);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark]
    public EpochComputation ParseAttributeTree() => EpochComputation.Compute(_report);

    [Benchmark]
    public async Task<Hash32> ComputeAndStore()
    {
        var computed = EpochComputation.Compute(_report);
        // Removed first so the writes are measured rather than skipped as already stored.
        File.Delete(Path.Combine(_directory, IEpochStore.Reports, computed.ReportHash + ".json"));
        File.Delete(Path.Combine(_directory, IEpochStore.Distributions, computed.DistributionHash + ".json"));
        await _store.PutAsync(IEpochStore.Reports, _report, default);
        return await _store.PutAsync(IEpochStore.Distributions, computed.DistributionBytes, default);
    }
}

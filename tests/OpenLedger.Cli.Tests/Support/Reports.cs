using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Indexer.Store.Views;

namespace OpenLedger.Cli.Tests.Support;

/// <summary>Performance reports (method "scores") built from the index's view of a model's contributions, as the node's epoch tests build them.</summary>
public static class Reports
{
    /// <summary>The test set hash a built report carries (and the fixtures seal), distinct per model and epoch.</summary>
    public static Hash32 TestSetHash(long modelId, long epoch) => Keccak.Hash($"cli-tests test set of model {modelId} epoch {epoch}");

    public static JsonObject Build(long modelId, long epoch, IReadOnlyList<ContributionView> contributions, double[] scores, BigInteger open, BigInteger shares)
    {
        var entries = new JsonArray();
        var evidence = new JsonArray();
        for (var i = 0; i < contributions.Count; i++)
        {
            var c = contributions[i];
            var id = BigInteger.Parse("0" + c.Id[2..], System.Globalization.NumberStyles.HexNumber).ToString();
            entries.Add(new JsonObject
            {
                ["id"] = id, ["contributor"] = c.Contributor, ["contentHash"] = c.ContentHash,
                ["registeredAtBlock"] = c.RegisteredBlock, ["logIndex"] = c.LogIndex, ["status"] = c.Status,
            });
            evidence.Add(new JsonObject { ["id"] = id, ["value"] = scores[i] });
        }
        return new JsonObject
        {
            ["schema"] = "openledger.performance-report/v1",
            ["modelId"] = modelId.ToString(),
            ["epoch"] = epoch,
            ["evaluation"] = new JsonObject { ["metric"] = "accuracy", ["score"] = 0.91, ["baseline"] = 0.5, ["testSetHash"] = TestSetHash(modelId, epoch).ToString() },
            ["contributions"] = entries,
            ["attribution"] = new JsonObject { ["method"] = "scores", ["parameters"] = new JsonObject(), ["evidence"] = new JsonObject { ["scores"] = evidence } },
            ["rewards"] = new JsonObject { ["open"] = open.ToString(), ["shares"] = shares.ToString() },
        };
    }
}

using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Indexer.Store.Views;

namespace OpenLedger.Node.Tests.Epochs.Support;

/// <summary>Builds performance reports (method "scores") from the index's view of a model's contributions.</summary>
public static class ReportJson
{
    public static JsonObject Build(long modelId, long epoch, IReadOnlyList<ContributionView> contributions,
        Func<ContributionView, double> score, BigInteger open, BigInteger shares)
    {
        var entries = new JsonArray();
        var scores = new JsonArray();
        foreach (var c in contributions)
        {
            var id = BigInteger.Parse("0" + c.Id[2..], System.Globalization.NumberStyles.HexNumber).ToString();
            entries.Add(new JsonObject
            {
                ["id"] = id, ["contributor"] = c.Contributor, ["contentHash"] = c.ContentHash,
                ["registeredAtBlock"] = c.RegisteredBlock, ["logIndex"] = c.LogIndex, ["status"] = c.Status,
            });
            if (c.Status != "slashed") scores.Add(new JsonObject { ["id"] = id, ["value"] = score(c) });
        }
        return new JsonObject
        {
            ["schema"] = "openledger.performance-report/v1",
            ["modelId"] = modelId.ToString(),
            ["epoch"] = epoch,
            ["evaluation"] = new JsonObject
            {
                ["metric"] = "accuracy", ["score"] = 0.91, ["baseline"] = 0.5,
                ["testSetHash"] = TestSetHash(modelId, epoch).ToString(),
            },
            ["contributions"] = entries,
            ["attribution"] = new JsonObject { ["method"] = "scores", ["parameters"] = new JsonObject(), ["evidence"] = new JsonObject { ["scores"] = scores } },
            ["rewards"] = new JsonObject { ["open"] = open.ToString(), ["shares"] = shares.ToString() },
        };
    }

    /// <summary>The test set hash a built report carries, distinct per model and epoch as a model never seals a set twice.</summary>
    public static Hash32 TestSetHash(long modelId, long epoch) => Keccak.Hash($"node-tests test set of model {modelId} epoch {epoch}");

    public static byte[] Bytes(JsonNode report) => Encoding.UTF8.GetBytes(report.ToJsonString());
}

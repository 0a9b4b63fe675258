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

    /// <summary>
    /// <paramref name="scoresReport"/> turned into a neighbour-credit report with the given cohort boundaries: one item
    /// per credited contribution on a line, two evaluation points, and the score and baseline the evidence implies.
    /// </summary>
    public static JsonObject NeighbourCredit(JsonObject scoresReport, IReadOnlyList<ulong> cohortBoundaries)
    {
        var report = (JsonObject)scoresReport.DeepClone();
        var items = new JsonArray();
        var i = 0;
        foreach (var scored in report["attribution"]!["evidence"]!["scores"]!.AsArray())
        {
            items.Add(new JsonObject { ["contribution"] = scored!["id"]!.GetValue<string>(), ["embedding"] = new JsonArray(0.3 * i, 0.0), ["label"] = i % 2 });
            i++;
        }
        var test = new JsonArray(
            new JsonObject { ["embedding"] = new JsonArray(0.0, 0.2), ["label"] = 0 },
            new JsonObject { ["embedding"] = new JsonArray(0.3, 0.2), ["label"] = 1 });
        report["attribution"] = new JsonObject
        {
            ["method"] = "neighbour-credit",
            ["parameters"] = new JsonObject
            {
                ["k"] = 1, ["duplicateTolerance"] = 0.1, ["neighbourRadius"] = 1.0,
                ["cohortBoundaries"] = new JsonArray([.. cohortBoundaries.Select(b => (JsonNode)JsonValue.Create(b))]),
            },
            ["evidence"] = new JsonObject { ["items"] = items, ["test"] = test },
        };
        // The engine refuses a score or baseline other than the evidence's utilities, so they are computed from it.
        report["evaluation"]!["metric"] = "knn-agreement@1";
        var parsed = Attribution.Reports.PerformanceReportParser.Parse(Bytes(report));
        var evidence = (Attribution.Methods.NeighbourCreditEvidence)parsed.Attribution.Evidence;
        var context = new Attribution.Methods.AttributionContext(
            Attribution.AttributionEngine.FindDuplicates(parsed.Contributions).Select(d => d.Id).ToHashSet(), parsed.Contributions);
        var utilities = Attribution.Methods.NeighbourCredit.Evaluate(evidence, context).Utilities;
        report["evaluation"]!["score"] = utilities.Full;
        report["evaluation"]!["baseline"] = utilities.Empty;
        return report;
    }

    /// <summary>The test set hash a built report carries, distinct per model and epoch as a model never seals a set twice.</summary>
    public static Hash32 TestSetHash(long modelId, long epoch) => Keccak.Hash($"node-tests test set of model {modelId} epoch {epoch}");

    public static byte[] Bytes(JsonNode report) => Encoding.UTF8.GetBytes(report.ToJsonString());
}

using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Reports;

namespace OpenLedger.Attribution.Datasets;

/// <summary>
/// Builds an <c>openledger.performance-report/v1</c> report from a real evaluation: a k-NN classifier trained on the
/// contributors' shards (z-scored with statistics of those shards only) and scored on the held-out test split, and
/// <c>knn-shapley</c> evidence made of the very same z-scored rows. Nothing in it is chosen by hand: the score, the
/// baseline and the test-set hash are computed here, and each shard must hash to its registered content hash.
/// Slashed contributions are left out of the model and the evidence (the engine would reject evidence naming them).
/// </summary>
public static class KnnReportBuilder
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Build(KnnReportRequest request) => BuildJson(request).ToJsonString(Indented);

    public static JsonObject BuildJson(KnnReportRequest request)
    {
        if (request.Shards.Count == 0) throw new AttributionException("A report needs at least 1 contributed shard but got none");
        if (request.K < 1) throw new AttributionException($"K must be at least 1 but is {request.K}");
        foreach (var shard in request.Shards)
        {
            var hash = SklearnCsv.ContentHash(shard.Rows);
            if (hash != shard.Contribution.ContentHash)
                throw new AttributionException(
                    $"Contribution {shard.Contribution.Id} registered content hash {shard.Contribution.ContentHash} but its shard's CSV bytes hash to {hash}");
        }
        var used = request.Shards.Where(s => s.Contribution.Status != ContributionStatus.Slashed).ToArray();
        if (used.Length == 0) throw new AttributionException("Every contributed shard is slashed: there is no training data to evaluate");

        var training = LabelledDataset.Concat(used.Select(s => s.Rows).ToArray());
        if (!training.ClassNames.SequenceEqual(request.Test.ClassNames) || training.Features != request.Test.Features)
            throw new AttributionException(
                $"The shards have {training.Features} features and classes [{string.Join(",", training.ClassNames)}] but the test split has {request.Test.Features} and [{string.Join(",", request.Test.ClassNames)}]");
        var scaler = Standardizer.Fit(training);
        var items = scaler.Transform(training);
        var test = scaler.Transform(request.Test);
        var score = new KnnClassifier(items, request.K).Accuracy(test);
        var majority = MajorityClass(training);
        var baseline = (double)request.Test.Labels.Count(l => l == majority) / request.Test.Count;

        var itemContributions = used.SelectMany(s => Enumerable.Repeat(s.Contribution.Id, s.Rows.Count)).ToArray();
        var evidence = new KnnShapleyEvidence(request.K, items.Features, itemContributions, items.Values, items.Labels, test.Values, test.Labels);

        var report = new JsonObject
        {
            ["schema"] = PerformanceReport.SchemaV1,
            ["modelId"] = Dec(request.ModelId),
            ["epoch"] = request.Epoch,
            ["evaluation"] = new JsonObject
            {
                ["metric"] = "accuracy",
                ["score"] = score,
                ["baseline"] = baseline,
                ["testSetHash"] = SklearnCsv.ContentHash(request.Test).ToString(),
            },
            ["contributions"] = new JsonArray(request.Shards.Select(s => (JsonNode)Contribution(s.Contribution, request.ModelId)).ToArray()),
            ["attribution"] = AttributionJson.ToJson(new AttributionSpec("knn-shapley", evidence)),
            ["rewards"] = Rewards(request.Rewards),
        };
        if (request.RewardPool is { } pool) report["rewardPool"] = Dec(pool);
        return report;
    }

    /// <summary>The most frequent training label (lowest label on a tie): what a model without features predicts.</summary>
    public static int MajorityClass(LabelledDataset training)
    {
        var counts = training.ClassCounts();
        return Array.IndexOf(counts, counts.Max());
    }

    private static JsonObject Contribution(ContributionEntry c, BigInteger modelId) => new()
    {
        ["id"] = Dec(c.Id),
        ["modelId"] = Dec(modelId),
        ["contributor"] = c.Contributor.ToString(),
        ["contentHash"] = c.ContentHash.ToString(),
        ["registeredAtBlock"] = c.RegisteredAtBlock,
        ["logIndex"] = c.LogIndex,
        ["status"] = c.Status switch
        {
            ContributionStatus.Active => "active",
            ContributionStatus.Flagged => "flagged",
            ContributionStatus.Slashed => "slashed",
            _ => throw new AttributionException($"Unknown contribution status {c.Status}"),
        },
    };

    private static JsonObject Rewards(RewardBudget rewards)
    {
        var json = new JsonObject { ["open"] = Dec(rewards.Open), ["shares"] = Dec(rewards.Shares) };
        if (rewards.PerContributorCap is { } cap) json["perContributorCap"] = cap;
        if (rewards.FlagThreshold is { } threshold) json["flagThreshold"] = threshold;
        return json;
    }

    private static string Dec(BigInteger n) => n.ToString(CultureInfo.InvariantCulture);
}

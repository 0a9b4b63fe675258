using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Attribution.Reports;

namespace OpenLedger.Training.Datasets;

/// <summary>
/// What every report builder here shares: the checks on the registered shards and the report's JSON around the
/// attribution (identity, evaluation, contributions, rewards), so a k-NN report and a retrained model's report differ
/// only in their evaluation and evidence.
/// </summary>
public static class ReportJson
{
    /// <summary>
    /// The shards whose data is credited: every shard must hash to its registered content hash, and slashed ones are
    /// left out (the engine would reject evidence naming them). Refused when none is left.
    /// </summary>
    public static ContributedShard[] CreditedShards(IReadOnlyList<ContributedShard> shards)
    {
        if (shards.Count == 0) throw new AttributionException("A report needs at least 1 contributed shard but got none");
        foreach (var shard in shards)
        {
            var hash = SklearnCsv.ContentHash(shard.Rows);
            if (hash != shard.Contribution.ContentHash)
                throw new AttributionException(
                    $"Contribution {shard.Contribution.Id} registered content hash {shard.Contribution.ContentHash} but its shard's CSV bytes hash to {hash}");
        }
        var used = shards.Where(s => s.Contribution.Status != ContributionStatus.Slashed).ToArray();
        if (used.Length == 0) throw new AttributionException("Every contributed shard is slashed: there is no training data to evaluate");
        return used;
    }

    /// <summary>The credited shards' rows, one after another; refused when their features or classes differ from the test split's.</summary>
    public static LabelledDataset Training(IReadOnlyList<ContributedShard> used, LabelledDataset test)
    {
        var training = LabelledDataset.Concat(used.Select(s => s.Rows).ToArray());
        if (!training.ClassNames.SequenceEqual(test.ClassNames) || training.Features != test.Features)
            throw new AttributionException(
                $"The shards have {training.Features} features and classes [{string.Join(",", training.ClassNames)}] but the test split has {test.Features} and [{string.Join(",", test.ClassNames)}]");
        return training;
    }

    public static JsonObject Report(BigInteger modelId, ulong epoch, string metric, double score, double baseline, LabelledDataset test,
        IReadOnlyList<ContributedShard> shards, AttributionSpec spec, RewardBudget rewards, BigInteger? rewardPool)
    {
        var report = new JsonObject
        {
            ["schema"] = PerformanceReport.SchemaV1,
            ["modelId"] = Dec(modelId),
            ["epoch"] = epoch,
            ["evaluation"] = new JsonObject
            {
                ["metric"] = metric,
                ["score"] = score,
                ["baseline"] = baseline,
                ["testSetHash"] = SklearnCsv.ContentHash(test).ToString(),
            },
            ["contributions"] = new JsonArray(shards.Select(s => (JsonNode)Contribution(s.Contribution, modelId)).ToArray()),
            ["attribution"] = AttributionJson.ToJson(spec),
            ["rewards"] = Rewards(rewards),
        };
        if (rewardPool is { } pool) report["rewardPool"] = Dec(pool);
        return report;
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

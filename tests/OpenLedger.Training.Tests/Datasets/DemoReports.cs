using System.Numerics;
using OpenLedger.Training.Datasets;
using OpenLedger.Attribution.Reports;

namespace OpenLedger.Training.Tests.Datasets;

/// <summary>Wine dealt to contributors as the demo does it, each shard registered as contribution i + 1 by wallet i + 1.</summary>
internal static class DemoReports
{
    public const ulong Seed = 2026;

    public static PreparedDemo PrepareWine(int contributors = 5, int? corruptShard = 4) =>
        DemoDataset.Prepare(DataFiles.WineText, contributors, corruptShard, Seed);

    public static ContributedShard Registered(DemoShard shard, ContributionStatus status = ContributionStatus.Active) =>
        new(new ContributionEntry(shard.Index + 1, TestAddresses.Of(shard.Index + 1), shard.ContentHash,
            RegisteredAtBlock: 10 + (ulong)shard.Index, LogIndex: 1, status), shard.Rows);

    public static KnnReportRequest Request(PreparedDemo demo, int k = 5, IReadOnlyList<ContributedShard>? shards = null) =>
        new(ModelId: 1, Epoch: 1, demo.Test, shards ?? demo.Shards.Select(s => Registered(s)).ToArray(), k,
            new RewardBudget(BigInteger.Parse("1000000000000000000000"), 10_000, FlagThreshold: 0.0),
            RewardPool: BigInteger.Parse("5000000000000000000000"));
}

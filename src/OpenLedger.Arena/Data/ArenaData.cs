using OpenLedger.Training.Datasets;
using OpenLedger.Attribution.Sampling;

namespace OpenLedger.Arena.Data;

/// <summary>
/// One dataset made ready for the arena: a stratified 30 % evaluation split, and the training rows dealt into
/// <see cref="HonestShards"/> (the honest contributors) plus one more, <see cref="OwnShard"/>: genuine data of the
/// attacker's own, for strategies that mix, poison or pad it. Statistics of the honest (published) rows are what an
/// attacker sees: per-feature spread, range and the majority class.
/// </summary>
public sealed class ArenaData
{
    public const double TestFraction = 0.3;

    private ArenaData(string name, LabelledDataset full, TrainTestSplit split, LabelledDataset[] honest, LabelledDataset own)
    {
        Name = name;
        Full = full;
        Split = split;
        HonestShards = honest;
        OwnShard = own;
        Published = LabelledDataset.Concat(honest);
        var d = full.Features;
        FeatureSd = new double[d];
        FeatureMin = Enumerable.Repeat(double.PositiveInfinity, d).ToArray();
        FeatureMax = Enumerable.Repeat(double.NegativeInfinity, d).ToArray();
        var means = new double[d];
        for (var r = 0; r < Published.Count; r++)
        {
            var row = Published.Row(r);
            for (var f = 0; f < d; f++)
            {
                means[f] += row[f] / Published.Count;
                FeatureMin[f] = Math.Min(FeatureMin[f], row[f]);
                FeatureMax[f] = Math.Max(FeatureMax[f], row[f]);
            }
        }
        for (var r = 0; r < Published.Count; r++)
        {
            var row = Published.Row(r);
            for (var f = 0; f < d; f++) FeatureSd[f] += (row[f] - means[f]) * (row[f] - means[f]) / Published.Count;
        }
        for (var f = 0; f < d; f++) FeatureSd[f] = Math.Sqrt(FeatureSd[f]);
        FeatureMean = means;
        MajorityClass = KnnReportBuilder.MajorityClass(Published);
    }

    public string Name { get; }

    public LabelledDataset Full { get; }

    public TrainTestSplit Split { get; }

    /// <summary>The evaluation split (raw features).</summary>
    public LabelledDataset Test => Split.Test;

    public IReadOnlyList<LabelledDataset> HonestShards { get; }

    public LabelledDataset OwnShard { get; }

    /// <summary>Every honest row, shard after shard: what the honest contributors published.</summary>
    public LabelledDataset Published { get; }

    public double[] FeatureMean { get; }

    /// <summary>Population standard deviation of each feature over the published rows (0 for a constant feature).</summary>
    public double[] FeatureSd { get; }

    public double[] FeatureMin { get; }

    public double[] FeatureMax { get; }

    public int MajorityClass { get; }

    public static ArenaData Prepare(string name, LabelledDataset dataset, ulong seed, int honestContributors)
    {
        if (honestContributors < 2) throw new ArenaException($"The arena needs at least 2 honest contributors but got {honestContributors}");
        var seeds = new DeterministicRandom(seed);
        var split = TrainTestSplit.Stratified(dataset, TestFraction, seeds.NextUInt64());
        var shards = Sharding.Split(split.Train, honestContributors + 1, seeds.NextUInt64());
        return new ArenaData(name, dataset, split, shards[..honestContributors], shards[honestContributors]);
    }
}

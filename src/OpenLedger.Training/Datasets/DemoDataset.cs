using OpenLedger.Attribution.Sampling;

namespace OpenLedger.Training.Datasets;

/// <summary>
/// The demo's data, from a real dataset file: a stratified train/test split, the training rows dealt to
/// <c>contributors</c> shards, and optionally one shard's labels shifted. Pure and seeded: the same file and
/// arguments give the same shards, bytes and hashes everywhere.
/// </summary>
public static class DemoDataset
{
    public const double DefaultTestFraction = 0.3;

    /// <param name="csvText">A dataset in scikit-learn's CSV format (e.g. data/wine_data.csv).</param>
    /// <param name="contributors">Number of shards the training rows are dealt to.</param>
    /// <param name="corruptShard">0-based index of the shard whose labels are shifted, or null for none.</param>
    /// <param name="seed">Seeds the split, the dealing and the corruption.</param>
    /// <param name="testFraction">Fraction of each class held out for testing.</param>
    /// <param name="corruptedFraction">Fraction of the corrupted shard's rows whose label is shifted.</param>
    /// <param name="splitSeed">Seeds the train/test split instead of <paramref name="seed"/>: drawn from a secret, it keeps
    /// the evaluation rows from being rebuilt by anyone who knows the public seed (the demo's sealed evaluation set).</param>
    public static PreparedDemo Prepare(string csvText, int contributors, int? corruptShard, ulong seed,
        double testFraction = DefaultTestFraction, double corruptedFraction = 1.0, ulong? splitSeed = null)
    {
        var dataset = SklearnCsv.Parse(csvText);
        if (corruptShard is { } c && (c < 0 || c >= contributors))
            throw new AttributionException($"The corrupted shard must be between 0 and {contributors - 1} but is {c}");
        // One seed per step, drawn from the caller's seed, so changing the number of contributors does not change the split.
        var seeds = new DeterministicRandom(seed);
        var publicSplitSeed = seeds.NextUInt64();
        var shardSeed = seeds.NextUInt64();
        var corruptionSeed = seeds.NextUInt64();

        var split = TrainTestSplit.Stratified(dataset, testFraction, splitSeed ?? publicSplitSeed);
        var shards = Sharding.Split(split.Train, contributors, shardSeed).Select((rows, i) =>
        {
            var corrupted = Array.Empty<int>();
            if (i == corruptShard)
                rows = rows.WithLabels(LabelCorruption.ShiftedLabels(rows, corruptedFraction, corruptionSeed, out corrupted));
            var bytes = SklearnCsv.ToBytes(rows);
            return new DemoShard(i, rows, bytes, Ethereum.Primitives.Keccak.Hash(bytes), corrupted);
        }).ToArray();
        var testBytes = SklearnCsv.ToBytes(split.Test);
        return new PreparedDemo(dataset, split, shards, split.Test, testBytes, Ethereum.Primitives.Keccak.Hash(testBytes));
    }
}

using OpenLedger.Attribution.Sampling;

namespace OpenLedger.Training.Datasets;

/// <summary>
/// Deals training rows to contributors: a seeded permutation, grouped by class (stable), then dealt round-robin, so
/// every shard holds each class in about the same proportion and shard sizes differ by at most one row. Each
/// shard keeps the training set's row order.
/// </summary>
public static class Sharding
{
    /// <summary>The training-row indices of each shard.</summary>
    public static int[][] Assign(LabelledDataset training, int shards, ulong seed)
    {
        if (shards < 1) throw new AttributionException($"Expected at least 1 shard but got {shards}");
        if (shards > training.Count)
            throw new AttributionException($"{training.Count} training rows cannot fill {shards} shards: every shard needs at least 1 row");
        var permutation = new DeterministicRandom(seed).Permutation(training.Count);
        var dealt = permutation.OrderBy(i => training.Labels[i]).ToArray(); // OrderBy is stable
        var result = new List<int>[shards];
        for (var s = 0; s < shards; s++) result[s] = [];
        for (var j = 0; j < dealt.Length; j++) result[j % shards].Add(dealt[j]);
        return result.Select(rows => rows.Order().ToArray()).ToArray();
    }

    public static LabelledDataset[] Split(LabelledDataset training, int shards, ulong seed) =>
        Assign(training, shards, seed).Select(rows => training.Select(rows)).ToArray();
}

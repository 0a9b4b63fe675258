using OpenLedger.Attribution.Sampling;

namespace OpenLedger.Training.Datasets;

/// <summary>
/// Deterministic label noise for the demo's bad contributor: round(fraction × rows) rows (half to even), chosen by a
/// seeded permutation, get the next class's label, (y + 1) mod classes. A systematic shift, unlike random labels,
/// is always wrong and consistently so, as mislabelled data from a careless or hostile annotator tends to be.
/// </summary>
public static class LabelCorruption
{
    public static LabelledDataset Shift(LabelledDataset shard, double fraction, ulong seed) =>
        shard.WithLabels(ShiftedLabels(shard, fraction, seed, out _));

    /// <summary>The corrupted labels, and which rows were changed (ascending).</summary>
    public static int[] ShiftedLabels(LabelledDataset shard, double fraction, ulong seed, out int[] changedRows)
    {
        if (!(fraction >= 0 && fraction <= 1)) throw new AttributionException($"The corrupted fraction must be between 0 and 1 but is {fraction}");
        var classes = shard.ClassNames.Count;
        if (classes < 2) throw new AttributionException($"Labels can only be corrupted with at least 2 classes but there is {classes}");
        var count = (int)Math.Round(shard.Count * fraction, MidpointRounding.ToEven);
        var permutation = new DeterministicRandom(seed).Permutation(shard.Count);
        changedRows = permutation.Take(count).Order().ToArray();
        var labels = (int[])shard.Labels.Clone();
        foreach (var row in changedRows) labels[row] = (labels[row] + 1) % classes;
        return labels;
    }
}

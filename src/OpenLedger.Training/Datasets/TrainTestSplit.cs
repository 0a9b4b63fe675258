using OpenLedger.Attribution.Sampling;

namespace OpenLedger.Training.Datasets;

/// <summary>
/// A seeded, stratified split: from each class, round(count × testFraction) rows (half to even) chosen by a
/// <see cref="DeterministicRandom"/> permutation go to the test split, the rest to training. Both splits keep the
/// original row order, so the same file, fraction and seed give the same splits on every machine.
/// </summary>
public sealed record TrainTestSplit(LabelledDataset Train, LabelledDataset Test, int[] TrainRows, int[] TestRows)
{
    public static TrainTestSplit Stratified(LabelledDataset dataset, double testFraction, ulong seed)
    {
        if (!(testFraction > 0 && testFraction < 1))
            throw new AttributionException($"The test fraction must be between 0 and 1 (exclusive) but is {testFraction}");
        var random = new DeterministicRandom(seed);
        var isTest = new bool[dataset.Count];
        for (var label = 0; label < dataset.ClassNames.Count; label++)
        {
            var rows = Enumerable.Range(0, dataset.Count).Where(i => dataset.Labels[i] == label).ToArray();
            var take = (int)Math.Round(rows.Length * testFraction, MidpointRounding.ToEven);
            var order = random.Permutation(rows.Length);
            for (var j = 0; j < take; j++) isTest[rows[order[j]]] = true;
        }
        var train = Enumerable.Range(0, dataset.Count).Where(i => !isTest[i]).ToArray();
        var test = Enumerable.Range(0, dataset.Count).Where(i => isTest[i]).ToArray();
        if (train.Length == 0 || test.Length == 0)
            throw new AttributionException($"A test fraction of {testFraction} of {dataset.Count} rows leaves {train.Length} training and {test.Length} test rows; both need at least 1");
        return new TrainTestSplit(dataset.Select(train), dataset.Select(test), train, test);
    }
}

using System.Numerics;
using OpenLedger.Training.Datasets;

namespace OpenLedger.Training.Precision;

/// <summary>
/// The utility of a subset of contributions for a k-NN model: the accuracy on the evaluation set of a
/// <see cref="KnnClassifier"/> trained on the union of exactly those contributions' rows (features already scaled as
/// the report scales them). k-NN has no training randomness, so the same subset always measures the same utility.
/// Other model classes plug into <see cref="PrecisionBuilder"/> through the same delegate shape.
/// </summary>
public sealed class KnnSubsetUtility
{
    private readonly IReadOnlyDictionary<BigInteger, LabelledDataset> _rows;
    private readonly LabelledDataset _evaluation;
    private readonly int _k;

    public KnnSubsetUtility(IReadOnlyDictionary<BigInteger, LabelledDataset> rowsByContribution, LabelledDataset evaluation, int k)
    {
        if (k < 1) throw new AttributionException($"K must be at least 1 but is {k}");
        if (evaluation.Count == 0) throw new AttributionException("A subset utility needs at least 1 evaluation row but got none");
        _rows = rowsByContribution;
        _evaluation = evaluation;
        _k = k;
    }

    public string ModelClass => $"knn(k={_k})";

    public double Measure(IReadOnlyList<BigInteger> subset)
    {
        var parts = new LabelledDataset[subset.Count];
        for (var i = 0; i < subset.Count; i++)
            parts[i] = _rows.TryGetValue(subset[i], out var rows)
                ? rows
                : throw new AttributionException($"Contribution {subset[i]} has no rows to train on");
        var training = LabelledDataset.Concat(parts);
        return training.Count == 0 ? 0 : new KnnClassifier(training, _k).Accuracy(_evaluation);
    }
}

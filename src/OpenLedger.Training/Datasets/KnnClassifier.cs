using OpenLedger.Attribution.Methods;

namespace OpenLedger.Training.Datasets;

/// <summary>
/// K-nearest-neighbour classifier: Euclidean distance, equal distances ordered by training-row index (the same total
/// order KNN-Shapley uses), majority vote among the K nearest. A tied vote goes to the tied class whose member is
/// nearest, which for K = 1 is plain nearest neighbour and never depends on class numbering.
/// </summary>
public sealed class KnnClassifier
{
    private readonly LabelledDataset _training;

    public KnnClassifier(LabelledDataset training, int k)
    {
        if (k < 1) throw new AttributionException($"K must be at least 1 but is {k}");
        if (training.Count == 0) throw new AttributionException("A k-NN classifier needs at least 1 training row but got none");
        _training = training;
        K = k;
    }

    public int K { get; }

    public int Predict(ReadOnlySpan<double> point) => Predict(point, excludedRow: -1);

    /// <summary>Fraction of <paramref name="test"/> rows whose label is predicted correctly.</summary>
    public double Accuracy(LabelledDataset test)
    {
        CheckFeatures(test.Features);
        if (test.Count == 0) throw new AttributionException("Accuracy needs at least 1 test row but got none");
        var correct = 0;
        for (var i = 0; i < test.Count; i++)
            if (Predict(test.Row(i)) == test.Labels[i]) correct++;
        return (double)correct / test.Count;
    }

    /// <summary>
    /// Leave-one-out accuracy on the training rows themselves: each row is classified by all the others.
    /// </summary>
    public double LeaveOneOutAccuracy()
    {
        if (_training.Count < 2) throw new AttributionException($"Leave-one-out needs at least 2 rows but got {_training.Count}");
        var correct = 0;
        for (var i = 0; i < _training.Count; i++)
            if (Predict(_training.Row(i), excludedRow: i) == _training.Labels[i]) correct++;
        return (double)correct / _training.Count;
    }

    private int Predict(ReadOnlySpan<double> point, int excludedRow)
    {
        CheckFeatures(point.Length);
        var n = _training.Count;
        var distances = new double[n];
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            distances[i] = i == excludedRow ? double.PositiveInfinity : Distances.SquaredEuclidean(_training.Row(i), point);
            order[i] = i;
        }
        Array.Sort(order, (a, b) => distances[a] != distances[b] ? distances[a].CompareTo(distances[b]) : a.CompareTo(b));
        var neighbours = Math.Min(K, excludedRow >= 0 ? n - 1 : n);

        var votes = new int[_training.ClassNames.Count];
        var best = 0;
        for (var j = 0; j < neighbours; j++) best = Math.Max(best, ++votes[_training.Labels[order[j]]]);
        for (var j = 0; ; j++)
            if (votes[_training.Labels[order[j]]] == best) return _training.Labels[order[j]];
    }

    private void CheckFeatures(int features)
    {
        if (features != _training.Features)
            throw new AttributionException($"The classifier was trained on {_training.Features} features but got {features}");
    }
}

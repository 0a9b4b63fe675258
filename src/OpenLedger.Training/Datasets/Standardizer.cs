namespace OpenLedger.Training.Datasets;

/// <summary>
/// Z-score standardisation: (x − mean) / standard deviation per feature, with the population standard deviation
/// (as scikit-learn's StandardScaler). Fitted on the training rows only, so nothing about the test split leaks into
/// the model; a constant feature keeps scale 1 instead of dividing by zero.
/// </summary>
public sealed class Standardizer
{
    private readonly double[] _means;
    private readonly double[] _scales;

    private Standardizer(double[] means, double[] scales)
    {
        _means = means;
        _scales = scales;
    }

    public IReadOnlyList<double> Means => _means;

    public IReadOnlyList<double> Scales => _scales;

    public static Standardizer Fit(LabelledDataset training)
    {
        if (training.Count == 0) throw new AttributionException("Standardisation needs at least 1 training row but got none");
        var d = training.Features;
        var means = new double[d];
        var scales = new double[d];
        // Two passes in row order: numerically sound and the same bits on every machine.
        for (var r = 0; r < training.Count; r++)
        {
            var row = training.Row(r);
            for (var f = 0; f < d; f++) means[f] += row[f];
        }
        for (var f = 0; f < d; f++) means[f] /= training.Count;
        for (var r = 0; r < training.Count; r++)
        {
            var row = training.Row(r);
            for (var f = 0; f < d; f++)
            {
                var diff = row[f] - means[f];
                scales[f] += diff * diff;
            }
        }
        for (var f = 0; f < d; f++)
        {
            var sd = Math.Sqrt(scales[f] / training.Count);
            scales[f] = sd > 0 ? sd : 1.0;
        }
        return new Standardizer(means, scales);
    }

    public LabelledDataset Transform(LabelledDataset dataset)
    {
        if (dataset.Features != _means.Length)
            throw new AttributionException($"The standardiser was fitted on {_means.Length} features but the dataset has {dataset.Features}");
        var values = new double[dataset.Values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var f = i % _means.Length;
            values[i] = (dataset.Values[i] - _means[f]) / _scales[f];
        }
        return dataset.WithValues(values);
    }
}

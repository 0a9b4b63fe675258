namespace OpenLedger.Training.Datasets;

/// <summary>
/// Rows of <see cref="Features"/> numbers (row-major in <see cref="Values"/>) with an integer class label each,
/// an index into <see cref="ClassNames"/>. Immutable by convention: every operation here returns a new dataset.
/// </summary>
public sealed class LabelledDataset
{
    public LabelledDataset(IReadOnlyList<string> classNames, int features, double[] values, int[] labels)
    {
        if (classNames.Count < 1) throw new AttributionException("A dataset needs at least 1 class name but has none");
        if (features < 1) throw new AttributionException($"A dataset needs at least 1 feature but has {features}");
        if (values.Length != labels.Length * features)
            throw new AttributionException($"{labels.Length} rows of {features} features need {labels.Length * features} values but got {values.Length}");
        for (var i = 0; i < labels.Length; i++)
            if (labels[i] < 0 || labels[i] >= classNames.Count)
                throw new AttributionException($"Row {i} has label {labels[i]} but the classes are 0..{classNames.Count - 1}");
        ClassNames = classNames.ToArray();
        Features = features;
        Values = values;
        Labels = labels;
    }

    public IReadOnlyList<string> ClassNames { get; }

    public int Features { get; }

    public double[] Values { get; }

    public int[] Labels { get; }

    public int Count => Labels.Length;

    public ReadOnlySpan<double> Row(int index) => Values.AsSpan(index * Features, Features);

    /// <summary>The given rows, in the given order.</summary>
    public LabelledDataset Select(IReadOnlyList<int> rows)
    {
        var values = new double[rows.Count * Features];
        var labels = new int[rows.Count];
        for (var j = 0; j < rows.Count; j++)
        {
            if (rows[j] < 0 || rows[j] >= Count) throw new AttributionException($"Row {rows[j]} does not exist in a dataset of {Count} rows");
            Row(rows[j]).CopyTo(values.AsSpan(j * Features));
            labels[j] = Labels[rows[j]];
        }
        return new LabelledDataset(ClassNames, Features, values, labels);
    }

    /// <summary>Same features, other labels (label corruption).</summary>
    public LabelledDataset WithLabels(int[] labels)
    {
        if (labels.Length != Count) throw new AttributionException($"Expected {Count} labels but got {labels.Length}");
        return new LabelledDataset(ClassNames, Features, Values, labels);
    }

    /// <summary>Same labels, other feature values (standardisation).</summary>
    public LabelledDataset WithValues(double[] values) => new(ClassNames, Features, values, Labels);

    /// <summary>The rows of several datasets of the same classes and features, one after another.</summary>
    public static LabelledDataset Concat(IReadOnlyList<LabelledDataset> parts)
    {
        if (parts.Count == 0) throw new AttributionException("Expected at least 1 dataset to concatenate but got none");
        var first = parts[0];
        foreach (var p in parts)
        {
            if (p.Features != first.Features)
                throw new AttributionException($"Cannot concatenate datasets of {first.Features} and {p.Features} features");
            if (!p.ClassNames.SequenceEqual(first.ClassNames))
                throw new AttributionException($"Cannot concatenate datasets with classes [{string.Join(",", first.ClassNames)}] and [{string.Join(",", p.ClassNames)}]");
        }
        return new LabelledDataset(first.ClassNames, first.Features,
            parts.SelectMany(p => p.Values).ToArray(), parts.SelectMany(p => p.Labels).ToArray());
    }

    /// <summary>Number of rows per class, indexed by label.</summary>
    public int[] ClassCounts()
    {
        var counts = new int[ClassNames.Count];
        foreach (var label in Labels) counts[label]++;
        return counts;
    }
}

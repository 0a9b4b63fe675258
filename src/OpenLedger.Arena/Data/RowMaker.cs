using OpenLedger.Training.Datasets;
using OpenLedger.Attribution.Sampling;

namespace OpenLedger.Arena.Data;

/// <summary>Seeded row operations the strategies build their contributions from.</summary>
public static class RowMaker
{
    /// <summary>Uniform in [0, 1) from the top 53 bits of a draw.</summary>
    public static double Uniform(DeterministicRandom random) => (random.NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>The rows in a random order.</summary>
    public static LabelledDataset Shuffle(LabelledDataset rows, DeterministicRandom random) => rows.Select(random.Permutation(rows.Count));

    /// <summary>A random <paramref name="fraction"/> of the rows (rounded, at least 1), in their original order.</summary>
    public static LabelledDataset Subset(LabelledDataset rows, double fraction, DeterministicRandom random)
    {
        var take = Math.Max(1, (int)Math.Round(rows.Count * fraction, MidpointRounding.ToEven));
        return rows.Select(random.Permutation(rows.Count).Take(take).Order().ToArray());
    }

    /// <summary>
    /// Every value moved by a uniform amount in [−level·sd, +level·sd] of its feature's spread <paramref name="sd"/>
    /// (a constant feature, sd 0, moves by up to <paramref name="level"/>, so no row stays an exact copy).
    /// </summary>
    public static LabelledDataset Noise(LabelledDataset rows, double[] sd, double level, DeterministicRandom random)
    {
        var values = (double[])rows.Values.Clone();
        for (var i = 0; i < values.Length; i++)
        {
            var spread = sd[i % rows.Features] > 0 ? sd[i % rows.Features] : 1.0;
            values[i] += (2 * Uniform(random) - 1) * level * spread;
        }
        return rows.WithValues(values);
    }

    /// <summary><paramref name="count"/> rows drawn by <paramref name="row"/> (which fills the features and returns the label).</summary>
    public static LabelledDataset Generate(IReadOnlyList<string> classes, int features, int count, Func<Span<double>, int> row)
    {
        var values = new double[count * features];
        var labels = new int[count];
        for (var r = 0; r < count; r++) labels[r] = row(values.AsSpan(r * features, features));
        return new LabelledDataset(classes, features, values, labels);
    }

    /// <summary>Indexes of the rows of each class.</summary>
    public static int[][] ByClass(LabelledDataset rows) =>
        Enumerable.Range(0, rows.ClassNames.Count).Select(c => Enumerable.Range(0, rows.Count).Where(i => rows.Labels[i] == c).ToArray()).ToArray();
}

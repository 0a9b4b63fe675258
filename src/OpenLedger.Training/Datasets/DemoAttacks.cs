using OpenLedger.Attribution.Sampling;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Training.Datasets;

/// <summary>
/// The two attackers of the demo's cast, made from the demo's own data the way the arena makes them
/// (src/OpenLedger.Arena/Strategies): a near-copy of another contributor's shard, which the registry accepts because
/// its bytes (and so its content hash) differ, and a junk shard of random rows. The attribution, not the registry, has
/// to stop both. Pure and seeded, like the rest of the demo's data.
/// </summary>
public static class DemoAttacks
{
    /// <summary>Relative noise of the near-copy: a thousandth of each feature's spread, far inside the near-duplicate tolerance.</summary>
    public const double CopyNoise = 1e-3;

    /// <summary><paramref name="original"/>'s rows, re-ordered, each feature moved by up to <see cref="CopyNoise"/> of its spread in <paramref name="published"/>.</summary>
    public static DemoShard NearCopy(DemoShard original, LabelledDataset published, int index, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        var rows = original.Rows.Select(random.Permutation(original.Rows.Count));
        var spread = Spread(published);
        var values = (double[])rows.Values.Clone();
        for (var i = 0; i < values.Length; i++)
            values[i] += (2 * Uniform(random) - 1) * CopyNoise * spread[i % rows.Features].Width;
        return Shard(index, rows.WithValues(values));
    }

    /// <summary><paramref name="count"/> rows with every feature uniform in its published range and a uniform random label.</summary>
    public static DemoShard Junk(LabelledDataset published, int index, int count, ulong seed)
    {
        if (count < 1) throw new AttributionException($"A junk shard needs at least 1 row but {count} were asked for");
        var random = new DeterministicRandom(seed);
        var spread = Spread(published);
        var values = new double[count * published.Features];
        var labels = new int[count];
        for (var r = 0; r < count; r++)
        {
            for (var f = 0; f < published.Features; f++)
                values[r * published.Features + f] = spread[f].Min + Uniform(random) * spread[f].Width;
            labels[r] = random.NextInt(published.ClassNames.Count);
        }
        return Shard(index, new LabelledDataset(published.ClassNames, published.Features, values, labels));
    }

    private static DemoShard Shard(int index, LabelledDataset rows)
    {
        // Written and read back in the canonical form, so the rows are exactly what the registered file holds.
        var bytes = SklearnCsv.ToBytes(rows);
        return new DemoShard(index, SklearnCsv.Parse(System.Text.Encoding.UTF8.GetString(bytes)), bytes, Keccak.Hash(bytes), []);
    }

    private static (double Min, double Width)[] Spread(LabelledDataset data)
    {
        var spread = new (double Min, double Width)[data.Features];
        for (var f = 0; f < data.Features; f++)
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            for (var r = 0; r < data.Count; r++)
            {
                var v = data.Values[r * data.Features + f];
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
            spread[f] = (min, max - min);
        }
        return spread;
    }

    /// <summary>Uniform in [0, 1) from the top 53 bits.</summary>
    private static double Uniform(DeterministicRandom random) => (random.NextUInt64() >> 11) * (1.0 / (1UL << 53));
}

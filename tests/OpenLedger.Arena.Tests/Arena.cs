using OpenLedger.Arena.Data;
using OpenLedger.Arena.Strategies;
using OpenLedger.Training.Datasets;
using OpenLedger.Attribution.Sampling;
using OpenLedger.TestSupport;

namespace OpenLedger.Arena.Tests;

/// <summary>Shared inputs: the repository's data folder, prepared datasets (cached) and strategy plans.</summary>
internal static class Arena
{
    private static readonly Dictionary<string, ArenaData> Cache = [];

    public static string DataDirectory => RepoPaths.Combine("data");

    public static ArenaData Data(string name = "wine")
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(name, out var data))
                Cache[name] = data = ArenaData.Prepare(name, ArenaDatasets.Load(DataDirectory, name), 14, 5);
            return data;
        }
    }

    public static AttackPlan Plan(string strategy, string dataset = "wine", ulong seed = 1) =>
        StrategyCatalog.Get(strategy).Plan(Data(dataset), new DeterministicRandom(seed));

    public static LabelledDataset Rows(AttackPlan plan) => Assert.Single(plan.Added).Rows;

    /// <summary>The rows as comparable strings (values in round-trip form, then the label).</summary>
    public static string[] Keys(LabelledDataset rows) =>
        Enumerable.Range(0, rows.Count).Select(r => string.Join(",", rows.Row(r).ToArray().Select(v => v.ToString("R"))) + ";" + rows.Labels[r]).ToArray();

    /// <summary>True when some row of <paramref name="sources"/> with the same label is within tolerance[f] of the row on every feature.</summary>
    public static bool NearSome(ReadOnlySpan<double> row, int label, LabelledDataset sources, Func<int, double> tolerance)
    {
        for (var s = 0; s < sources.Count; s++)
        {
            if (sources.Labels[s] != label) continue;
            var source = sources.Row(s);
            var near = true;
            for (var f = 0; f < row.Length && near; f++) near = Math.Abs(row[f] - source[f]) <= tolerance(f);
            if (near) return true;
        }
        return false;
    }
}

using System.Globalization;
using System.Numerics;
using OpenLedger.Attribution.Sampling;
using OpenLedger.Training.Datasets;
using OpenLedger.Training.Evidence;
using OpenLedger.Training.Models;
using OpenLedger.Training.Tests.Datasets;

namespace OpenLedger.Training.Tests.Models;

/// <summary>
/// The test assembly's entry point (the test SDK's generated one is switched off): with <c>utilities &lt;class&gt;</c>
/// it prints the utilities of <see cref="Coalitions"/> retrained in this process, so a test can compare them with its
/// own (<see cref="ModelDeterminismTests"/>). The test runner never calls it.
/// </summary>
public static class ModelDeterminismProbe
{
    public const int Contributors = 8;

    public static int Main(string[] args)
    {
        if (args is not ["utilities", var modelClass])
        {
            Console.Error.WriteLine("usage: OpenLedger.Training.Tests utilities <logreg|fasttree>");
            return 2;
        }
        // One at a time here, in parallel in the test: neither the process nor the scheduling may move a utility.
        foreach (var line in Lines(modelClass, parallelism: 1)) Console.WriteLine(line);
        return 0;
    }

    /// <summary>40 coalitions of Wine's 8 demo shards (one mislabelled), as a banzhaf report of seed 7 would draw them.</summary>
    public static BigInteger[][] Coalitions(IReadOnlyList<BigInteger> players) =>
        [.. BanzhafSampler.Draw(players.Count, 7).Take(40).Select(inside => players.Where((_, i) => inside[i]).ToArray()).Where(c => c.Length > 0)];

    /// <summary>One line per coalition, its utility's exact bits; for logreg, a last line with the full coalition's weights' bits.</summary>
    public static string[] Lines(string modelClass, int parallelism)
    {
        var demo = DemoReports.PrepareWine(contributors: Contributors, corruptShard: 3);
        var knn = DemoReports.Request(demo);
        var request = new ModelReportRequest(knn.ModelId, knn.Epoch, knn.Test, knn.Shards, modelClass, "banzhaf", new RetrainingOptions(40), knn.Rewards);
        var model = ModelClasses.Get(modelClass);
        var game = ModelReportBuilder.Game(model, request, ReportJson.CreditedShards(request.Shards));
        var coalitions = Coalitions(game.Players);
        var utilities = new double[coalitions.Length];
        Parallel.For(0, coalitions.Length, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i => utilities[i] = game.Utility(coalitions[i]));
        var lines = utilities.Select((u, i) => $"[{string.Join(",", coalitions[i])}] {u.ToString("R", CultureInfo.InvariantCulture)} {BitConverter.DoubleToInt64Bits(u):x16}").ToList();
        if (model is LogisticRegressionModel logreg)
        {
            // Accuracy moves only when a prediction flips; the weights show whether training itself is bit-for-bit the same.
            var scaler = Standardizer.Fit(demo.Test);
            var rows = LabelledDataset.Concat([.. request.Shards.Select(s => scaler.Transform(s.Rows))]);
            var weights = logreg.Train(rows, 7);
            var bits = weights.Weights.SelectMany(w => w).Concat(weights.Biases).Select(BitConverter.DoubleToInt64Bits).Aggregate(17L, (h, b) => unchecked(h * 31 + b));
            lines.Add($"weights {bits:x16}");
        }
        return [.. lines];
    }
}

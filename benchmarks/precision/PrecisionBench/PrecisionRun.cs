using System.Diagnostics;
using System.Numerics;
using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Precision;
using OpenLedger.Attribution.Reports;
using OpenLedger.Training.Datasets;
using OpenLedger.Training.Evidence;
using OpenLedger.Training.Models;

namespace PrecisionBench;

/// <summary>
/// Measures every method on one dataset against one model class. The measured utilities come from the exact-shapley
/// game, which trains every coalition (so every half-size subset too); every other method runs in a fresh game, so
/// its cost is its own trainings. The k-NN proxies' values are computed once per dataset and scored against each
/// model class.
/// </summary>
public static class PrecisionRun
{
    public const int Parallelism = 2;

    private const string ProxySuffix = " (k-NN proxy)";

    public static IReadOnlyList<MethodResult> Measure(BenchDataset data, IModelClass model, int permutations, int subsets, ulong seed,
        IReadOnlyList<(string Method, IReadOnlyDictionary<BigInteger, double> Values, double Seconds)> proxies)
    {
        var request = new ModelReportRequest(1, 1, data.Test, data.Shards, model.Name, "exact-shapley",
            new RetrainingOptions(1, Parallelism), new RewardBudget(1, 1));
        var players = data.Ids;
        var draws = PrecisionSubsets.Draw(players, subsets, seed);
        var results = new List<MethodResult>();

        var exactGame = ModelReportBuilder.Game(model, request, data.Shards);
        var (exact, exactSeconds) = Time(() => Values(RetrainingEvidence.Build("exact-shapley", exactGame, seed, Options(1 << players.Count))));
        var measured = draws.Select(s => exactGame.Utility(s)).ToArray();
        results.Add(Result("exact-shapley", exact, exactSeconds, exactGame.Retrainings));

        foreach (var (method, budget) in new[] { ("tmc-shapley", permutations * players.Count), ("banzhaf", permutations * players.Count), ("loo", players.Count + 1) })
        {
            var game = ModelReportBuilder.Game(model, request, data.Shards);
            var (values, seconds) = Time(() => Values(RetrainingEvidence.Build(method, game, seed, Options(budget))));
            results.Add(Result(method, values, seconds, game.Retrainings));
        }
        if (ModelReportBuilder.MethodsFor(model.Name).Contains(ModelReportBuilder.Influence))
        {
            var (values, seconds) = Time(() => InfluenceValues(data, seed));
            results.Add(Result(ModelReportBuilder.Influence, values, seconds, 1));
        }
        // For the k-NN model class the report's own methods are measured, not proxies of another model.
        foreach (var (method, values, seconds) in proxies)
            results.Add(Result(model is KnnBenchModel ? method.Replace(ProxySuffix, "", StringComparison.Ordinal) : method, values, seconds, 0));
        return results;

        MethodResult Result(string method, IReadOnlyDictionary<BigInteger, double> values, double seconds, int trainings) =>
            new(data.Name, model.Name, method, LinearDatamodelingScore.Measure(values, draws, measured), seconds, trainings);
    }

    /// <summary>The k-NN methods' values (neighbour-credit and knn-shapley, K = 5) from the report builder the product uses.</summary>
    public static IReadOnlyList<(string, IReadOnlyDictionary<BigInteger, double>, double)> Proxies(BenchDataset data) =>
        KnnReportBuilder.Methods.Select(method =>
        {
            var (values, seconds) = Time(() =>
            {
                var json = KnnReportBuilder.Build(new KnnReportRequest(1, 1, data.Test, data.Shards, 5, new RewardBudget(1, 1), Method: method));
                return (IReadOnlyDictionary<BigInteger, double>)AttributionEngine.Distribute(PerformanceReportParser.Parse(json))
                    .Contributions.ToDictionary(c => c.Id, c => c.Value);
            });
            return (method + ProxySuffix, values, seconds);
        }).ToArray();

    public static IReadOnlyDictionary<BigInteger, double> InfluenceValues(BenchDataset data, ulong seed)
    {
        var scaler = Standardizer.Fit(data.Test);
        var rows = data.Shards.Select(s => scaler.Transform(s.Rows)).ToArray();
        var influence = LogisticInfluence.Fit(LabelledDataset.Concat(rows), scaler.Transform(data.Test), seed);
        var values = new Dictionary<BigInteger, double>();
        var offset = 0;
        for (var p = 0; p < rows.Length; p++)
        {
            values[data.Shards[p].Contribution.Id] = Enumerable.Range(offset, rows[p].Count).Sum(r => influence.RowValues[r]);
            offset += rows[p].Count;
        }
        return values;
    }

    private static RetrainingOptions Options(int budget) => new(budget, Parallelism);

    private static IReadOnlyDictionary<BigInteger, double> Values(AttributionSpec spec) =>
        AttributionMethods.Get(spec.Method).Compute(spec.Evidence, new HashSet<BigInteger>()).Values;

    public static (T, double) Time<T>(Func<T> run)
    {
        var watch = Stopwatch.StartNew();
        var result = run();
        return (result, watch.Elapsed.TotalSeconds);
    }
}

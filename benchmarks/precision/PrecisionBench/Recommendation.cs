namespace PrecisionBench;

/// <summary>
/// The method to recommend for a model class: among the <see cref="Candidates"/>, the one that reaches the goal
/// (an LDS within <see cref="Margin"/> of the best method measured on that dataset, and at least <see cref="Floor"/>
/// where any method reaches it) on the most datasets, then the one with the smallest worst gap, then the cheapest.
/// </summary>
public static class Recommendation
{
    public const double Margin = 0.05;

    public const double Floor = 0.8;

    /// <summary>
    /// The methods a recommendation may name: every method the model's report can use except exact-shapley, which is
    /// the reference (2^n trainings, at most 20 contributions) and cannot be a product default.
    /// </summary>
    public static IReadOnlyList<string> Candidates(string modelClass) => modelClass == "knn"
        ? OpenLedger.Training.Datasets.KnnReportBuilder.Methods // what `report knn` can write
        : OpenLedger.Training.Evidence.ModelReportBuilder.MethodsFor(modelClass).Where(m => m != "exact-shapley").ToArray();

    /// <summary>What the report verbs use when no --method is given.</summary>
    public static string InCode(string modelClass) => modelClass == "knn"
        ? OpenLedger.Attribution.Methods.AttributionMethods.Default
        : OpenLedger.Training.Evidence.RecommendedMethods.For(modelClass);

    public static bool MeetsGoal(MethodResult result, IReadOnlyList<MethodResult> all)
    {
        var best = Best(result, all);
        return best - result.Lds.Spearman <= Margin && (best < Floor || result.Lds.Spearman >= Floor);
    }

    public static double Best(MethodResult result, IReadOnlyList<MethodResult> all) =>
        all.Where(r => r.Dataset == result.Dataset && r.ModelClass == result.ModelClass).Max(r => r.Lds.Spearman);

    public static string Choose(string modelClass, IReadOnlyList<string> candidates, IReadOnlyList<MethodResult> all)
    {
        var rows = all.Where(r => r.ModelClass == modelClass && candidates.Contains(r.Method)).ToArray();
        return rows.GroupBy(r => r.Method)
            .OrderByDescending(g => g.Count(r => MeetsGoal(r, all)))
            .ThenBy(g => g.Max(r => Best(r, all) - r.Lds.Spearman))
            .ThenBy(g => g.Sum(r => r.Seconds))
            .First().Key;
    }
}

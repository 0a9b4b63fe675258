using OpenLedger.Training.Models;

namespace OpenLedger.Training.Evidence;

/// <summary>
/// The attribution method the product recommends for each model class: the one whose values best predict the real
/// model retrained on subsets of contributions (its LDS), as measured by the precision benchmark (docs/precision.md,
/// scripts/precision.sh). The report verbs use it when no --method is given.
/// </summary>
public static class RecommendedMethods
{
    private static readonly Dictionary<string, string> ByModelClass = new()
    {
        // Influence functions: LDS 0.961–0.986 on Wine, breast cancer and digits, within 0.005 of exact Shapley, one training.
        [LogisticRegressionModel.ClassName] = ModelReportBuilder.Influence,
        // Banzhaf (maximum sample reuse) at 10·n coalitions: within 0.05 of the best on every dataset; TMC at the same budget is not.
        [FastTreeModel.ClassName] = "banzhaf",
    };

    public static string For(string modelClass) =>
        ByModelClass.TryGetValue(ModelClasses.Get(modelClass).Name, out var method) ? method
            : throw new AttributionException($"No method is recommended for the model class '{modelClass}'");
}

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
        [LogisticRegressionModel.ClassName] = "tmc-shapley",
        [FastTreeModel.ClassName] = "tmc-shapley",
    };

    public static string For(string modelClass) =>
        ByModelClass.TryGetValue(ModelClasses.Get(modelClass).Name, out var method) ? method
            : throw new AttributionException($"No method is recommended for the model class '{modelClass}'");
}

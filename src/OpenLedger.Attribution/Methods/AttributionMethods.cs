namespace OpenLedger.Attribution.Methods;

/// <summary>The known attribution methods by name.</summary>
public static class AttributionMethods
{
    /// <summary>
    /// KNN-Shapley is the default: values are per item and summed per contribution, so splitting the same items
    /// across wallets cannot change what a person earns (docs/attribution.md explains the trade-off).
    /// </summary>
    public const string Default = "knn-shapley";

    public static IReadOnlyDictionary<string, IAttributionMethod> All { get; } =
        new IAttributionMethod[] { new KnnShapley(), new ExactShapley(), new TmcShapley(), new Banzhaf(), new LeaveOneOut(), new Scores() }
            .ToDictionary(m => m.Name, StringComparer.Ordinal);

    public static IAttributionMethod Get(string name) =>
        All.TryGetValue(name, out var method)
            ? method
            : throw new AttributionException($"Unknown attribution method '{name}'; expected one of {string.Join(", ", All.Keys)}");
}

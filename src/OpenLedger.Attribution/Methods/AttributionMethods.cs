namespace OpenLedger.Attribution.Methods;

/// <summary>The known attribution methods by name.</summary>
public static class AttributionMethods
{
    /// <summary>
    /// Neighbour credit is the default: values are per item and summed per contribution (packaging and wallets
    /// cannot change what a person earns), copies and leaked test rows are screened out, and an item earns only
    /// for what it adds to the final model (docs/attribution.md and docs/arena.md show why).
    /// </summary>
    public const string Default = "neighbour-credit";

    /// <summary>
    /// The method of a v1 report that names none. It stays <c>knn-shapley</c>, the default when such reports were
    /// written, so every posted epoch still recomputes to its root.
    /// </summary>
    public const string Implicit = "knn-shapley";

    public static IReadOnlyDictionary<string, IAttributionMethod> All { get; } =
        new IAttributionMethod[] { new NeighbourCredit(), new KnnShapley(), new ExactShapley(), new TmcShapley(), new Banzhaf(), new LeaveOneOut(), new Scores() }
            .ToDictionary(m => m.Name, StringComparer.Ordinal);

    public static IAttributionMethod Get(string name) =>
        All.TryGetValue(name, out var method)
            ? method
            : throw new AttributionException($"Unknown attribution method '{name}'; expected one of {string.Join(", ", All.Keys)}");
}

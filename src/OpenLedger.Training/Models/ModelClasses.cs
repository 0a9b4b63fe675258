namespace OpenLedger.Training.Models;

/// <summary>The model classes a report can be built from, by name.</summary>
public static class ModelClasses
{
    public static IReadOnlyDictionary<string, IModelClass> All { get; } =
        new IModelClass[] { new LogisticRegressionModel(), new FastTreeModel() }.ToDictionary(m => m.Name);

    public static IModelClass Get(string name) =>
        All.TryGetValue(name, out var model) ? model
            : throw new AttributionException($"Unknown model class '{name}': expected one of {string.Join(", ", All.Keys)}");
}

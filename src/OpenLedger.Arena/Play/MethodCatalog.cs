using OpenLedger.Training.Datasets;
using OpenLedger.Attribution.Methods;

namespace OpenLedger.Arena.Play;

/// <summary>
/// The methods the arena plays. Item-level methods are those the product's report builder writes evidence for
/// (<see cref="KnnReportBuilder.Methods"/>), so a new one is on the board as soon as the builder can build its report.
/// The contribution-level methods are those whose evidence the arena can generate from coalition utilities.
/// </summary>
public static class MethodCatalog
{
    public static IReadOnlyList<ArenaMethod> All { get; } = Discover();

    public static IReadOnlyList<string> Names => All.Select(m => m.Name).ToArray();

    public static ArenaMethod Get(string name) =>
        All.FirstOrDefault(m => m.Name == name)
        ?? throw new ArenaException(AttributionMethods.All.ContainsKey(name)
            ? $"Method '{name}' cannot be played by the arena: its evidence is neither items/test points nor coalition utilities; expected one of {string.Join(", ", Names)}"
            : $"Unknown method '{name}'; expected one of {string.Join(", ", Names)}");

    private static IReadOnlyList<ArenaMethod> Discover()
    {
        var items = KnnReportBuilder.Methods.Where(AttributionMethods.All.ContainsKey).Select(ArenaMethod.Items);
        // The default first: it is the one the targets are checked for.
        return items.Concat(ArenaMethod.ContributionLevel.Where(m => AttributionMethods.All.ContainsKey(m.Name)))
            .OrderBy(m => m.Name == AttributionMethods.Default ? 0 : 1).ToArray();
    }
}

using System.Text.Json;
using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Reports;

namespace OpenLedger.Arena.Play;

/// <summary>
/// The methods the arena plays. Item-level methods are found, not listed: every method in
/// <see cref="AttributionMethods.All"/> whose parser accepts items/test evidence with only <c>k</c> as a parameter
/// is one, so a new method of that evidence shape is on the board as soon as it is registered. The
/// contribution-level methods are those whose evidence the arena can generate from coalition utilities.
/// </summary>
public static class MethodCatalog
{
    private const string Probe = """
        {"parameters":{"k":1},"evidence":{
          "items":[{"contribution":"1","embedding":[0.0],"label":0},{"contribution":"2","embedding":[1.0],"label":1}],
          "test":[{"embedding":[0.25],"label":0}]}}
        """;

    public static IReadOnlyList<ArenaMethod> All { get; } = Discover();

    public static IReadOnlyList<string> Names => All.Select(m => m.Name).ToArray();

    public static ArenaMethod Get(string name) =>
        All.FirstOrDefault(m => m.Name == name)
        ?? throw new ArenaException(AttributionMethods.All.ContainsKey(name)
            ? $"Method '{name}' cannot be played by the arena: its evidence is neither items/test points nor coalition utilities; expected one of {string.Join(", ", Names)}"
            : $"Unknown method '{name}'; expected one of {string.Join(", ", Names)}");

    private static IReadOnlyList<ArenaMethod> Discover()
    {
        using var probe = JsonDocument.Parse(Probe);
        var items = AttributionMethods.All.Values
            .Where(m => m.ParseEvidence(probe.RootElement, "attribution", new JsonFieldReader()) is not null)
            .Select(m => ArenaMethod.Items(m.Name));
        // The default first: it is the one the targets are checked for.
        return items.Concat(ArenaMethod.ContributionLevel.Where(m => AttributionMethods.All.ContainsKey(m.Name)))
            .OrderBy(m => m.Name == AttributionMethods.Default ? 0 : 1).ToArray();
    }
}

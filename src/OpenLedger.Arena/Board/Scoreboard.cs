using OpenLedger.Arena.Play;
using OpenLedger.Arena.Strategies;

namespace OpenLedger.Arena.Board;

/// <summary>A played board: its settings, datasets, methods and strategies in order, and every cell.</summary>
public sealed record Scoreboard(
    ArenaSettings Settings,
    string DefaultMethod,
    IReadOnlyList<DatasetInfo> Datasets,
    IReadOnlyList<ArenaMethod> Methods,
    IReadOnlyList<IStrategy> Strategies,
    IReadOnlyList<Cell> Cells)
{
    public Cell Get(string dataset, string strategy, string method) =>
        Cells.First(c => c.Dataset == dataset && c.Strategy == strategy && c.Method == method);
}

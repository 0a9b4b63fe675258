using OpenLedger.Arena.Play;

namespace OpenLedger.Arena;

/// <summary>
/// What to play: dataset, method and strategy names (null = all), the data folder, and the settings. Unknown names
/// are refused by <see cref="ArenaRunner.Run"/> before anything is played.
/// </summary>
public sealed record ArenaRequest(
    string DataDirectory,
    ArenaSettings Settings,
    IReadOnlyList<string>? Datasets = null,
    IReadOnlyList<string>? Methods = null,
    IReadOnlyList<string>? Strategies = null);

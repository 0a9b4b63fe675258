using OpenLedger.Arena.Strategies;

namespace OpenLedger.Arena.Board;

/// <summary>
/// One attack × method × dataset result (metrics in percent of the epoch's OPEN and percentage points; see
/// docs/arena.md). <see cref="Met"/> is null when the strategy has no target for this method.
/// </summary>
public sealed record Cell(
    string Dataset,
    string Strategy,
    StrategyFamily Family,
    string Method,
    string? NotPlayed,
    string? Refused,
    double AttackerShare,
    double ReferenceShare,
    double? AttemptedShare,
    double MaxHonestChange,
    double HonestShareLost,
    double? OriginalChange,
    bool Flagged,
    string? Excluded,
    double AttackerValue,
    string? Target,
    bool? Met)
{
    public bool Played => NotPlayed is null;
}

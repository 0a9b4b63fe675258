namespace OpenLedger.Indexer.Store.Views;

/// <summary>A ContributionFlagged (Action "flagged", with the validator's reason) or FlagDismissed (Action "dismissed") event.</summary>
public sealed record FlagView
{
    public string Action { get; init; } = "";
    public string Actor { get; init; } = "";
    public string? Reason { get; init; }
    public long BlockNumber { get; init; }
    public string TxHash { get; init; } = "";
}

namespace OpenLedger.Indexer.Store.Rows;

/// <summary>A ContributionFlagged (Action "flagged", with a reason) or FlagDismissed (Action "dismissed") event.</summary>
public sealed record FlagRow(long BlockNumber, int LogIndex, string TxHash, string ContributionId, string Actor, string Action, string? Reason)
{
    public const string Flagged = "flagged";
    public const string Dismissed = "dismissed";
}

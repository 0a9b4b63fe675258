namespace OpenLedger.Indexer.Store.Views;

/// <summary>
/// An epoch as last posted, its status ("posted" or "vetoed"; claimable is posted plus an ended challenge window)
/// and what has been claimed from it.
/// </summary>
public sealed record EpochView
{
    public long ModelId { get; init; }
    public long Epoch { get; init; }
    public string Status { get; init; } = "";
    public string Root { get; init; } = "";
    public string TotalOpen { get; init; } = "0";
    public string TotalShares { get; init; } = "0";
    public string ReportHash { get; init; } = "";
    public string ReportUri { get; init; } = "";
    public long ChallengeEndsAt { get; init; }
    public long PostedBlock { get; init; }
    public string ClaimedOpen { get; init; } = "0";
    public string ClaimedShares { get; init; } = "0";
    public long ClaimCount { get; init; }
}

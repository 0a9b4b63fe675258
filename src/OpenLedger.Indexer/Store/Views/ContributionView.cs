namespace OpenLedger.Indexer.Store.Views;

/// <summary>
/// A registration with its current status ("active", "flagged", "slashed", or "superseded" when a reveal of an earlier
/// commitment took the content back: the id then names the revealer's later registration) and remaining bond.
/// </summary>
public sealed record ContributionView
{
    public string Id { get; init; } = "";
    public long ModelId { get; init; }
    public string Contributor { get; init; } = "";
    public string ContentHash { get; init; } = "";
    public int Kind { get; init; }
    public string Uri { get; init; } = "";
    public string Bond { get; init; } = "0";
    public string CurrentBond { get; init; } = "0";
    public string Status { get; init; } = "";
    public long RegisteredBlock { get; init; }
    public int LogIndex { get; init; }
    public int BatchIndex { get; init; }
    public string TxHash { get; init; } = "";
}

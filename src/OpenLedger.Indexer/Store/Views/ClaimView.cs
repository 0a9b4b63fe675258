namespace OpenLedger.Indexer.Store.Views;

/// <summary>A paid claim. Its log position (BlockNumber, LogIndex) is the keyset of claim lists.</summary>
public sealed record ClaimView
{
    public long ModelId { get; init; }
    public long Epoch { get; init; }
    public string Account { get; init; } = "";
    public long LeafIndex { get; init; }
    public string OpenAmount { get; init; } = "0";
    public string ShareAmount { get; init; } = "0";
    public long BlockNumber { get; init; }
    public int LogIndex { get; init; }
    public string TxHash { get; init; } = "";
}

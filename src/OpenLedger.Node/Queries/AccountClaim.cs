namespace OpenLedger.Node.Queries;

/// <summary>A paid claim with its log position, which is the keyset of an account's claim list.</summary>
public sealed record AccountClaim
{
    public long ModelId { get; init; }
    public long Epoch { get; init; }
    public string Account { get; init; } = "";
    public long LeafIndex { get; init; }
    public string OpenAmount { get; init; } = "0";
    public string ShareAmount { get; init; } = "0";
    public long BlockNumber { get; init; }
    public long LogIndex { get; init; }
    public string TxHash { get; init; } = "";
}

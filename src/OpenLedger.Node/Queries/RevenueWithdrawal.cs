namespace OpenLedger.Node.Queries;

/// <summary>A RevenueWithdrawn event of one account.</summary>
public sealed record RevenueWithdrawal
{
    public long ModelId { get; init; }
    public string Amount { get; init; } = "0";
    public long BlockNumber { get; init; }
    public string TxHash { get; init; } = "";
}

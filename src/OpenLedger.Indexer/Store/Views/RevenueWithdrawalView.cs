namespace OpenLedger.Indexer.Store.Views;

/// <summary>A RevenueWithdrawn event: an account took its share of a model's revenue.</summary>
public sealed record RevenueWithdrawalView
{
    public long ModelId { get; init; }
    public string Account { get; init; } = "";
    public string Amount { get; init; } = "0";
    public long BlockNumber { get; init; }
    public string TxHash { get; init; } = "";
}

namespace OpenLedger.Indexer.Store.Views;

/// <summary>Shares of a model an account holds, from the ERC-1155 transfer events.</summary>
public sealed record ShareBalanceView
{
    public long ModelId { get; init; }
    public string Account { get; init; } = "";
    public string Balance { get; init; } = "0";
}

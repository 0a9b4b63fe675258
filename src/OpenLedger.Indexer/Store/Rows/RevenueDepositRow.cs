namespace OpenLedger.Indexer.Store.Rows;

/// <summary>A RevenueDeposited event with its split.</summary>
public sealed record RevenueDepositRow(
    long BlockNumber, int LogIndex, string TxHash, long ModelId, string Depositor,
    string Amount, string ToOwner, string ToRewardPool, string ToHolders);

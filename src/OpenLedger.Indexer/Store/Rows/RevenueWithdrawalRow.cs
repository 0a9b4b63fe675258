namespace OpenLedger.Indexer.Store.Rows;

/// <summary>A RevenueWithdrawn event.</summary>
public sealed record RevenueWithdrawalRow(long BlockNumber, int LogIndex, string TxHash, long ModelId, string Account, string Amount);

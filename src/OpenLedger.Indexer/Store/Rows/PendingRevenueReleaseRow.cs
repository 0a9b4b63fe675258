namespace OpenLedger.Indexer.Store.Rows;

/// <summary>A PendingRevenueReleased event.</summary>
public sealed record PendingRevenueReleaseRow(long BlockNumber, int LogIndex, string TxHash, long ModelId, string Amount);

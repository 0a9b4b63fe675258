namespace OpenLedger.Indexer.Store.Rows;

/// <summary>A RewardPoolFunded event.</summary>
public sealed record RewardPoolFundingRow(long BlockNumber, int LogIndex, string TxHash, long ModelId, string FromAddress, string Amount);

namespace OpenLedger.Indexer.Store.Rows;

/// <summary>A ContributionSlashed event.</summary>
public sealed record SlashRow(long BlockNumber, int LogIndex, string TxHash, string ContributionId, long ModelId, string Amount);

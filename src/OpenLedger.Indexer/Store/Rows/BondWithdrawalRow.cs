namespace OpenLedger.Indexer.Store.Rows;

/// <summary>A BondWithdrawn event.</summary>
public sealed record BondWithdrawalRow(long BlockNumber, int LogIndex, string TxHash, string ContributionId, string Contributor, string Amount);

namespace OpenLedger.Indexer.Store.Rows;

/// <summary>A ChallengeWindowUpdated event.</summary>
public sealed record ChallengeWindowRow(long BlockNumber, int LogIndex, string TxHash, long Seconds);

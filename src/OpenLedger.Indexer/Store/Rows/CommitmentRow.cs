namespace OpenLedger.Indexer.Store.Rows;

/// <summary>A Committed event: the commitment and the block it counts from.</summary>
public sealed record CommitmentRow(long BlockNumber, int LogIndex, string TxHash, string Commitment, string Committer, long CommitBlock);

namespace OpenLedger.Indexer.Store.Rows;

/// <summary>An EvaluationSetCommitted event: the model owner sealed the test set hash of an epoch before posting it.</summary>
public sealed record EvaluationCommitmentRow(long BlockNumber, int LogIndex, string TxHash, long ModelId, long Epoch, string TestSetHash);

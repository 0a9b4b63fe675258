namespace OpenLedger.Indexer.Store.Rows;

/// <summary>An EvaluationSetCommitted event: the model owner sealed the test set hash of an epoch before posting it.</summary>
/// <remarks><c>BlockHash</c>: the hash of the block holding the commitment, from which a report's precision subsets are drawn.</remarks>
public sealed record EvaluationCommitmentRow(long BlockNumber, int LogIndex, string TxHash, long ModelId, long Epoch, string TestSetHash,
    string BlockHash = "");

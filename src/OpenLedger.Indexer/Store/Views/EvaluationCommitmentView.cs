namespace OpenLedger.Indexer.Store.Views;

/// <summary>
/// The evaluation set a model owner sealed for an epoch: the keccak-256 of its test rows, and where on chain it was
/// committed. The epoch's report must carry this hash as its test set hash.
/// </summary>
public sealed record EvaluationCommitmentView
{
    public long ModelId { get; init; }
    public long Epoch { get; init; }
    public string TestSetHash { get; init; } = "";
    public long BlockNumber { get; init; }
    /// <summary>The hash of <see cref="BlockNumber"/>: the report's precision subsets are drawn from it. Empty for a commitment indexed before schema 7 outside the reorg window.</summary>
    public string BlockHash { get; init; } = "";
    public string TxHash { get; init; } = "";
}

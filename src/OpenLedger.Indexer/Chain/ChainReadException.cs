namespace OpenLedger.Indexer.Chain;

/// <summary>A chain read that failed, with what the sync loop should do about it.</summary>
public sealed class ChainReadException : IndexerException
{
    public ChainReadException(ChainFailure failure, string message, Exception? inner = null)
        : base(message, inner ?? new InvalidOperationException(message))
    {
        Failure = failure;
    }

    public ChainFailure Failure { get; }
}

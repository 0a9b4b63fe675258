namespace OpenLedger.Indexer;

/// <summary>
/// The indexer's one exception: bad configuration, a deployment file that does not say what is expected, a log
/// that does not decode, or a chain read that failed. The message says what was being done and what went wrong.
/// </summary>
public class IndexerException : Exception
{
    public IndexerException(string message) : base(message) { }

    public IndexerException(string message, Exception inner) : base(message, inner) { }
}

namespace OpenLedger.Indexer.Chain;

/// <summary>What the sync loop does about a failed chain read.</summary>
public enum ChainFailure
{
    /// <summary>Try again after a pause: HTTP 5xx or 429, timeouts, dropped connections, unreadable bodies.</summary>
    Transient,

    /// <summary>The node refused the block range as too large: split it.</summary>
    RangeTooLarge,

    /// <summary>Retrying cannot help (invalid parameters, wrong chain, a log that does not decode): stop.</summary>
    Permanent,
}

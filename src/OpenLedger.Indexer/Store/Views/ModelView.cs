namespace OpenLedger.Indexer.Store.Views;

/// <summary>A model with its current policy.</summary>
public sealed record ModelView
{
    public long ModelId { get; init; }
    public string Owner { get; init; } = "";
    public string MetadataUri { get; init; } = "";
    public long CreatedBlock { get; init; }
    public string TxHash { get; init; } = "";
    public string MinBond { get; init; } = "0";
    public long BondLock { get; init; }
    public long DisputeWindow { get; init; }
    public int OwnerBps { get; init; }
    public int PoolBps { get; init; }
    public bool CommitReveal { get; init; }
    /// <summary>The lowest LDS an epoch's report may have, in basis points of 1 (0 = none); the node refuses reports below it.</summary>
    public int MinPrecisionBps { get; init; }
}

namespace OpenLedger.Indexer.Sync;

/// <summary>What one step of the sync loop did.</summary>
public enum SyncOutcome
{
    /// <summary>The store is at the (confirmed) head and its last block is still canonical.</summary>
    NothingNew,

    /// <summary>The chain under the cursor changed: rows above the common ancestor were deleted.</summary>
    Reorg,

    /// <summary>The store is past the node's confirmed head (the node went back, or is behind): wait.</summary>
    LocalAhead,

    /// <summary>One or more ranges were committed.</summary>
    Progressed,
}

using OpenLedger.Indexer.Chain;

namespace OpenLedger.Indexer.Store;

/// <summary>
/// The indexer's database. One interface so another engine (PostgreSQL) can be added beside SQLite.
/// Writes are idempotent: every event row is keyed by (block number, log index[, batch index]), so committing a
/// range twice changes nothing, and derived state is recomputed for the keys a write touches.
/// </summary>
public interface IIndexStore : IIndexReader
{
    /// <summary>Creates or upgrades the schema; safe to call on every start.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Recent block hashes kept for reorg detection, highest first.</summary>
    Task<IReadOnlyList<BlockRef>> GetRecentBlocksAsync(CancellationToken cancellationToken);

    /// <summary>Writes the range's rows, its block hashes and the new cursor in one transaction.</summary>
    Task CommitRangeAsync(RangeBatch batch, int reorgWindow, CancellationToken cancellationToken);

    /// <summary>
    /// Writes consecutive ranges (each following the one before it) in one transaction that ends with the cursor at
    /// the last one: during a backfill this spares a commit, and a rewrite of the touched index pages, per range.
    /// </summary>
    Task CommitRangesAsync(IReadOnlyList<RangeBatch> batches, int reorgWindow, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every row above <paramref name="ancestor"/> (derived state included), forgets the block hashes
    /// above it and sets the cursor to it, in one transaction. A null ancestor empties the store.
    /// </summary>
    Task RewindAsync(BlockRef? ancestor, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the contributions' secondary indexes (by id, model and contributor) are dropped for a backfill. Reads
    /// give the same answers either way, only slower.
    /// </summary>
    Task<bool> AreIndexesDeferredAsync(CancellationToken cancellationToken);

    /// <summary>Drops the contributions' secondary indexes before a long backfill; they are built once at its end.</summary>
    Task DeferIndexesAsync(CancellationToken cancellationToken);

    /// <summary>Builds the secondary indexes a backfill dropped; false when none were missing.</summary>
    Task<bool> BuildDeferredIndexesAsync(CancellationToken cancellationToken);
}

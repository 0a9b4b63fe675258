using System.Data.Common;
using Dapper;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Indexer.Chain;

namespace OpenLedger.Indexer.Store.Sql;

/// <summary>
/// What the SQLite and PostgreSQL stores share: one schema (each engine's migrations spell it in its own types), so the
/// cursor, the range commit around the inserts, rewinds, derived state and reads are the same SQL on both. An engine
/// supplies its connections, its migrations and its fastest way to insert a range's rows.
/// </summary>
public abstract partial class SqlIndexStore : IIndexStore
{
    /// <summary>Event tables: every row belongs to the block in block_number and goes away when that block is reorged out.</summary>
    public static readonly IReadOnlyList<string> EventTables =
    [
        "models", "model_policies", "validator_updates", "commitments", "contributions", "flags", "slashes",
        "bond_withdrawals", "supersessions", "revenue_deposits", "revenue_withdrawals", "share_transfers",
        "reward_pool_fundings", "epoch_postings", "epoch_vetoes", "claims", "challenge_window_updates", "evaluation_commitments",
    ];

    public abstract Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>The last migration applied, 0 on an empty database.</summary>
    public abstract Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken);

    /// <summary>An open connection; failures to open become an <see cref="IndexerException"/> naming the database.</summary>
    internal abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Inserts the batch's event rows, ignoring rows already there (their key is their chain position).
    /// <paramref name="aboveCursor"/>: the range starts past the cursor, so none of its rows can be there yet (rows are
    /// only ever committed with a cursor at or above their block, and a rewind deletes those above the new cursor).
    /// </summary>
    private protected abstract Task InsertRowsAsync(DbConnection connection, DbTransaction tx, RangeBatch batch, bool aboveCursor, CancellationToken ct);

    /// <summary>Remembers the hashes of the batch's blocks (the reorg window), replacing any kept for the same heights.</summary>
    private protected virtual Task RememberBlocksAsync(DbConnection connection, DbTransaction tx, IReadOnlyCollection<BlockRef> blocks, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO block_hashes (block_number, block_hash) VALUES (@Number, @Hash)
            ON CONFLICT (block_number) DO UPDATE SET block_hash = excluded.block_hash;
            """, blocks.Select(b => new { b.Number, Hash = b.Hash.ToString() }), tx, cancellationToken: ct));

    /// <summary>
    /// The leader lease term this store writes under (see <see cref="TakeLeaderTermAsync"/>), or null when nothing
    /// else writes the database and no lease is held.
    /// </summary>
    public long? WriterTerm { get; private set; }

    private protected virtual string TermSql => "SELECT term FROM leader_lease WHERE id = 1;";

    /// <summary>
    /// Called by the process that just became the leader: increments the lease term and writes under it from now on.
    /// A process that still writes under an older term has every write refused.
    /// </summary>
    public async Task<long> TakeLeaderTermAsync(string holder, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        WriterTerm = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO leader_lease (id, term, holder, since) VALUES (1, 1, @holder, @since)
            ON CONFLICT (id) DO UPDATE SET term = leader_lease.term + 1, holder = excluded.holder, since = excluded.since
            RETURNING term;
            """, new { holder, since = DateTimeOffset.UtcNow.ToString("O") }, cancellationToken: cancellationToken));
        _indexesDeferred = null; // another leader may have changed them since this process last looked
        return WriterTerm.Value;
    }

    // First in every write transaction: a leader that lost its lease cannot write after its successor started.
    private async Task CheckWriterAsync(DbConnection connection, DbTransaction tx, CancellationToken ct)
    {
        if (WriterTerm is not { } mine) return;
        var current = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(TermSql, transaction: tx, cancellationToken: ct));
        if (current != mine)
            throw new LeaderLeaseLostException($"this indexer writes under leader term {mine} but the database is at term {current}: another indexer took the lease");
    }

    public async Task<BlockRef?> GetCursorAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ReadCursorAsync(connection, null, cancellationToken);
    }

    public async Task<IReadOnlyList<BlockRef>> GetRecentBlocksAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Number, string Hash)>(new CommandDefinition(
            "SELECT block_number, block_hash FROM block_hashes ORDER BY block_number DESC;", cancellationToken: cancellationToken));
        return [.. rows.Select(r => new BlockRef(r.Number, Hash32.Parse(r.Hash)))];
    }

    public Task CommitRangeAsync(RangeBatch batch, int reorgWindow, CancellationToken cancellationToken) =>
        CommitRangesAsync([batch], reorgWindow, cancellationToken);

    public async Task CommitRangesAsync(IReadOnlyList<RangeBatch> batches, int reorgWindow, CancellationToken cancellationToken)
    {
        if (batches.Count == 0) return;
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await CheckWriterAsync(connection, tx, cancellationToken);
        var cursor = await ReadCursorAsync(connection, tx, cancellationToken);
        var affected = new AffectedKeys();
        foreach (var batch in batches)
        {
            // A range that starts past the cursor would leave blocks unindexed: refuse rather than skip silently.
            if (cursor is { } c && batch.FromBlock > c.Number + 1)
                throw new IndexerException($"Range {batch.FromBlock}-{batch.ToBlock.Number} does not follow the cursor at block {c.Number}");
            await InsertRowsAsync(connection, tx, batch, aboveCursor: cursor is not { } at || batch.FromBlock > at.Number, cancellationToken);
            affected.Add(batch);
            if (batch.Blocks.Count > 0) await RememberBlocksAsync(connection, tx, batch.Blocks.Values, cancellationToken);
            // Replaying an old range must not move the cursor back.
            if (cursor is not { } old || old.Number < batch.ToBlock.Number) cursor = batch.ToBlock.Ref;
        }
        await EnsureIdIndexAsync(connection, tx, affected, cancellationToken);
        await RecomputeAsync(connection, tx, affected, cancellationToken);
        var newCursor = cursor!.Value;
        // The cursor and the pruning of the reorg window in one command: one round trip to a database server.
        await connection.ExecuteAsync(new CommandDefinition(WriteCursorSql + """

            DELETE FROM block_hashes WHERE block_number < @Floor AND block_number <> @Number;
            """, new { newCursor.Number, Hash = newCursor.Hash.ToString(), Floor = newCursor.Number - reorgWindow }, tx, cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
    }

    private static async Task<BlockRef?> ReadCursorAsync(DbConnection connection, DbTransaction? tx, CancellationToken cancellationToken)
    {
        var rows = (await connection.QueryAsync<(long Number, string Hash)>(new CommandDefinition(
            "SELECT block_number, block_hash FROM cursor WHERE id = 1;", transaction: tx, cancellationToken: cancellationToken))).AsList();
        return rows.Count == 0 ? null : new BlockRef(rows[0].Number, Hash32.Parse(rows[0].Hash));
    }

    private const string WriteCursorSql =
        "INSERT INTO cursor (id, block_number, block_hash) VALUES (1, @Number, @Hash) " +
        "ON CONFLICT (id) DO UPDATE SET block_number = excluded.block_number, block_hash = excluded.block_hash;";

    private static Task WriteCursorAsync(DbConnection connection, DbTransaction tx, BlockRef cursor, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(WriteCursorSql, new { cursor.Number, Hash = cursor.Hash.ToString() }, tx, cancellationToken: cancellationToken));
}

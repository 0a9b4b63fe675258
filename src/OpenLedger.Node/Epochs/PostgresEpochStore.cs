using Dapper;
using Npgsql;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Indexer.Store.Postgres;

namespace OpenLedger.Node.Epochs;

/// <summary>
/// The epoch store in the PostgreSQL database of the index (Store:ConnectionString), so the writer, its standby and every
/// API replica read the same epochs: blobs in epoch_blobs (kind, keccak256, bytes), submissions in epoch_submissions.
/// Its tables are its own, created by <see cref="CreateSchemaAsync"/> in the writing roles, not by the index
/// migrations; an API replica never creates them and, until a writer has, reads no epochs.
/// </summary>
public sealed class PostgresEpochStore : EpochStoreBase, IAsyncDisposable
{
    // Two writers starting together (an indexer and its standby) take turns creating the tables: CREATE ... IF NOT
    // EXISTS alone can still collide in the catalogue when run at the same moment.
    private const long SchemaLock = 0x4F4C_4550; // "OLEP"

    private readonly NpgsqlDataSource _dataSource;

    /// <param name="connectionString">The index store's connection string.</param>
    /// <param name="setting">The configuration key it came from, named in every error.</param>
    public PostgresEpochStore(string connectionString, string setting = "Store:ConnectionString")
    {
        NpgsqlConnectionStringBuilder builder;
        try { builder = new NpgsqlConnectionStringBuilder(connectionString); }
        catch (ArgumentException e)
        {
            // The message of a bad key names the key, never the value; the string itself is not repeated.
            throw new EpochStoreException($"{setting} is not a valid PostgreSQL connection string: {e.Message}", e);
        }
        Describe = PostgresIndexStore.Redacted(builder, setting);
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>Where the store is, for messages: host, port, database and user, without the password.</summary>
    public string Describe { get; }

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS epoch_blobs (
          kind text NOT NULL, hash text NOT NULL, bytes bytea NOT NULL,
          PRIMARY KEY (kind, hash));
        CREATE SEQUENCE IF NOT EXISTS epoch_submissions_seq;
        CREATE TABLE IF NOT EXISTS epoch_submissions (
          model_id bigint NOT NULL, epoch bigint NOT NULL, report_hash text NOT NULL, distribution_hash text NOT NULL,
          root text NOT NULL, total_open text NOT NULL, total_shares text NOT NULL, report_uri text NOT NULL,
          status text NOT NULL, tx_hash text, updated_seq bigint NOT NULL,
          PRIMARY KEY (model_id, epoch, report_hash));
        CREATE INDEX IF NOT EXISTS epoch_submissions_status ON epoch_submissions (status);
        """;

    /// <summary>Creates the tables when missing (in one transaction, under an advisory lock). Only writing roles call this.</summary>
    public async Task CreateSchemaAsync(CancellationToken ct)
    {
        await using var c = await OpenAsync("creating the epoch tables in", ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@SchemaLock);", new { SchemaLock }, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(Schema, transaction: tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    /// <summary>One statement: the bytes land whole or not at all, and the same bytes again (same hash) leave the row as it is.</summary>
    public override async Task<Hash32> PutAsync(string kind, byte[] bytes, CancellationToken ct)
    {
        var hash = Keccak.Hash(bytes);
        await using var c = await OpenAsync("storing a blob in", ct);
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO epoch_blobs (kind, hash, bytes) VALUES (@kind, @hash, @bytes) ON CONFLICT (kind, hash) DO NOTHING;",
            new { kind, hash = CheckedHash(kind, hash.ToString()), bytes }, cancellationToken: ct));
        return hash;
    }

    public override async Task<byte[]?> ReadAsync(string kind, string hash, CancellationToken ct)
    {
        var key = CheckedHash(kind, hash);
        await using var c = await OpenAsync("reading a blob from", ct);
        return await WithoutTables(() => c.QuerySingleOrDefaultAsync<byte[]?>(new CommandDefinition(
            "SELECT bytes FROM epoch_blobs WHERE kind = @kind AND hash = @key;", new { kind, key }, cancellationToken: ct)), null);
    }

    // The sequence orders the changes of every writer (an indexer and a standby taking over) without a lock: nextval is
    // never handed out twice, and an upsert takes the number of its own statement. A row once posted stays posted: with
    // two writers taking the same report at once, the one that lost the race records "sending" and then "failed" (its
    // postEpoch reverts, the epoch being posted) for the very row the winner recorded as posted, which would otherwise
    // hide the epoch's report from every replica. (One writer per epochs.db, the SQLite store has no such race.)
    public override async Task SaveAsync(EpochSubmission submission, CancellationToken ct)
    {
        await using var c = await OpenAsync("recording a submission in", ct);
        await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO epoch_submissions (model_id, epoch, report_hash, distribution_hash, root, total_open, total_shares,
              report_uri, status, tx_hash, updated_seq)
            VALUES (@ModelId, @Epoch, @ReportHash, @DistributionHash, @Root, @TotalOpen, @TotalShares, @ReportUri, @Status, @TxHash,
              nextval('epoch_submissions_seq'))
            ON CONFLICT (model_id, epoch, report_hash) DO UPDATE SET distribution_hash = excluded.distribution_hash,
              root = excluded.root, total_open = excluded.total_open, total_shares = excluded.total_shares,
              report_uri = excluded.report_uri,
              status = CASE WHEN epoch_submissions.status = 'posted' THEN 'posted' ELSE excluded.status END,
              tx_hash = COALESCE(excluded.tx_hash, epoch_submissions.tx_hash), updated_seq = excluded.updated_seq;
            """, submission, cancellationToken: ct));
    }

    public override async Task<IReadOnlyList<EpochSubmission>> ListAsync(long modelId, long epoch, CancellationToken ct)
    {
        await using var c = await OpenAsync("reading submissions from", ct);
        return await WithoutTables(async () => (IReadOnlyList<EpochSubmission>)(await c.QueryAsync<EpochSubmission>(new CommandDefinition(
            $"SELECT {Columns} FROM epoch_submissions WHERE model_id = @modelId AND epoch = @epoch ORDER BY updated_seq DESC;",
            new { modelId, epoch }, cancellationToken: ct))).AsList(), []);
    }

    public override async Task<IReadOnlyList<EpochSubmission>> ListByStatusAsync(string status, CancellationToken ct)
    {
        await using var c = await OpenAsync("reading submissions from", ct);
        return await WithoutTables(async () => (IReadOnlyList<EpochSubmission>)(await c.QueryAsync<EpochSubmission>(new CommandDefinition(
            $"SELECT {Columns} FROM epoch_submissions WHERE status = @status ORDER BY updated_seq;",
            new { status }, cancellationToken: ct))).AsList(), []);
    }

    /// <summary>
    /// A read on a database where no writer has created the epoch tables yet (an API replica started first, or an index
    /// written by an older indexer) finds nothing, as for an epoch without a report: the replica creates no table.
    /// </summary>
    private static async Task<T> WithoutTables<T>(Func<Task<T>> read, T none)
    {
        try
        {
            return await read();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return none;
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(string doing, CancellationToken ct)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // Npgsql's messages name the endpoint or the server's complaint, never the password.
            throw new EpochStoreException($"{doing} {Describe}: {e.Message}", e);
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}

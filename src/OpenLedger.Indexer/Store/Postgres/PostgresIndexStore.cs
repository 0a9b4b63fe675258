using System.Data.Common;
using Dapper;
using Npgsql;
using OpenLedger.Indexer.Store.Sql;

namespace OpenLedger.Indexer.Store.Postgres;

/// <summary>
/// The PostgreSQL store: the schema of <see cref="PostgresMigrations"/> in one database that one indexer writes and any
/// number of API replicas read. Connections come from one pooled data source; the connection string's password never
/// leaves it (<see cref="Describe"/> is what messages and logs show).
/// </summary>
public sealed partial class PostgresIndexStore : SqlIndexStore, IAsyncDisposable
{
    // Two migrating processes (an indexer and its standby starting together) take turns on this transaction lock.
    private const long MigrationLock = 0x4F4C_4D49; // "OLMI"

    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlConnectionStringBuilder _builder;

    /// <param name="connectionString">Npgsql keywords (Host, Port, Database, Username, Password, ...).</param>
    /// <param name="setting">The configuration key the connection string came from, named in every error.</param>
    public PostgresIndexStore(string connectionString, string setting = "Store:ConnectionString")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        Setting = setting;
        NpgsqlConnectionStringBuilder builder;
        try { builder = new NpgsqlConnectionStringBuilder(connectionString); }
        catch (ArgumentException e)
        {
            // The message of a bad key names the key, never the value; the string itself is not repeated.
            throw new IndexerException($"{setting} is not a valid PostgreSQL connection string: {e.Message}", e);
        }
        Describe = Redacted(builder, setting);
        _builder = builder;
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>Where the store is, for messages: host, port, database and user, without the password.</summary>
    public string Describe { get; }

    /// <summary>The configuration key of the connection string.</summary>
    public string Setting { get; }

    /// <summary>The schema version this code writes.</summary>
    public static int LatestVersion => PostgresMigrations.All.Count;

    /// <summary>The connection string with its password, for the tests that start indexer processes on the same database.</summary>
    internal string ConnectionString => _builder.ConnectionString;

    public static string Redacted(NpgsqlConnectionStringBuilder builder, string setting) =>
        $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port} as user '{builder.Username}' ({setting})";

    public override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenNpgsqlAsync(cancellationToken);
        var current = await ReadVersionAsync(connection, cancellationToken);
        // Refused before anything is written: an older indexer must not write into a schema it does not know.
        if (current > LatestVersion)
            throw new IndexerException($"{Describe} has schema version {current} but this indexer knows versions up to {LatestVersion}");
        if (current == LatestVersion) return;
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(@MigrationLock); CREATE TABLE IF NOT EXISTS schema_version (version bigint NOT NULL);",
            new { MigrationLock }, tx, cancellationToken: cancellationToken));
        // Read again under the lock: another process may have migrated meanwhile.
        current = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(version) FROM schema_version;", transaction: tx, cancellationToken: cancellationToken)) ?? 0;
        for (var version = (int)current + 1; version <= LatestVersion; version++)
        {
            await connection.ExecuteAsync(new CommandDefinition(PostgresMigrations.All[version - 1], transaction: tx, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_version (version) VALUES (@version);", new { version }, tx, cancellationToken: cancellationToken));
        }
        await tx.CommitAsync(cancellationToken);
    }

    public override async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenNpgsqlAsync(cancellationToken);
        return (int)await ReadVersionAsync(connection, cancellationToken);
    }

    private static async Task<long> ReadVersionAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT to_regclass('schema_version') IS NOT NULL;", cancellationToken: ct));
        if (!exists) return 0;
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT MAX(version) FROM schema_version;", cancellationToken: ct)) ?? 0;
    }

    internal override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await OpenNpgsqlAsync(cancellationToken);

    internal async Task<NpgsqlConnection> OpenNpgsqlAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw new IndexerException($"opening {Describe}: {Reason(e)}", e);
        }
    }

    /// <summary>
    /// A connection of its own, outside the pool, named <paramref name="applicationName"/> in pg_stat_activity: the
    /// leader lease lives as long as this connection's session.
    /// </summary>
    internal async Task<NpgsqlConnection> OpenLeaseConnectionAsync(string applicationName, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(_builder.ConnectionString) { Pooling = false, ApplicationName = applicationName };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            await connection.DisposeAsync();
            throw new IndexerException($"opening {Describe}: {Reason(e)}", e);
        }
    }

    // PostgresException's message is "SQLSTATE: text"; a socket error's is the endpoint. Neither carries the password.
    private static string Reason(Exception e) => e.InnerException is { } inner && e is not PostgresException
        ? $"{e.Message} ({inner.Message})"
        : e.Message;

    // FOR SHARE: the successor's UPDATE of the term waits for a write transaction that has read it, and that transaction's
    // own check fails once the term moved, so no commit of the old leader lands after the new one took over.
    private protected override string TermSql => "SELECT term FROM leader_lease WHERE id = 1 FOR SHARE;";

    private protected override string ContributionIndexNamesSql =>
        "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'contributions';";

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}

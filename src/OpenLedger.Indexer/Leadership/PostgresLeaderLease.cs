using Npgsql;
using OpenLedger.Indexer.Store.Postgres;

namespace OpenLedger.Indexer.Leadership;

/// <summary>
/// The lease on a PostgreSQL store: a session advisory lock held by one connection kept open for it. The server drops
/// the lock when that connection ends, which it does when the process dies; a broken connection (the server restarted,
/// the network went) cancels <see cref="Lost"/>. The holder is told by its connection's application name.
/// </summary>
public sealed class PostgresLeaderLease(PostgresIndexStore store) : ILeaderLease
{
    // The advisory lock key: "OLLD". One key per database, so each database has its own leader.
    private const long Key = 0x4F4C_4C44;
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _lost = new();
    private NpgsqlConnection? _connection;
    private Task? _watch;

    public CancellationToken Lost => _lost.Token;

    public async Task<bool> TryAcquireAsync(CancellationToken cancellationToken)
    {
        if (_connection is not null) return true;
        var connection = await store.OpenLeaseConnectionAsync($"openledger-indexer {ILeaderLease.Self}", cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key);", connection);
            command.Parameters.AddWithValue("key", Key);
            if (!(bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            {
                await connection.DisposeAsync();
                return false;
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        _connection = connection;
        _watch = WatchAsync(connection);
        return true;
    }

    // A query a second on the lock's connection: when it fails, the lock is gone with the session.
    private async Task WatchAsync(NpgsqlConnection connection)
    {
        try
        {
            while (!_lost.IsCancellationRequested)
            {
                await Task.Delay(KeepAlive, _lost.Token);
                await using var command = new NpgsqlCommand("SELECT 1;", connection);
                await command.ExecuteScalarAsync(_lost.Token);
            }
        }
        catch (OperationCanceledException) { }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ObjectDisposedException)
        {
            await _lost.CancelAsync();
        }
    }

    public async Task<string> DescribeHolderAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenLeaseConnectionAsync("openledger-indexer lease check", cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT a.application_name, a.client_addr::text, a.backend_start
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND l.classid = 0 AND l.objid::bigint = @key AND l.objsubid = 1;
            """, connection);
        command.Parameters.AddWithValue("key", Key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return "nobody";
        var name = reader.IsDBNull(0) ? "" : reader.GetString(0);
        var from = reader.IsDBNull(1) ? "a local socket" : reader.GetString(1);
        return $"'{name}' connected from {from} since {reader.GetDateTime(2):u}";
    }

    public async ValueTask DisposeAsync()
    {
        await _lost.CancelAsync();
        if (_watch is not null) await _watch;
        if (_connection is not null) await _connection.DisposeAsync();
        _connection = null;
        _lost.Dispose();
    }
}

using Npgsql;
using OpenLedger.Indexer.Store.Postgres;
using OpenLedger.Indexer.Store.Sql;
using OpenLedger.TestSupport;

namespace OpenLedger.Indexer.Tests.Support;

/// <summary>PostgreSQL stores, each a database on one private server started for the test class.</summary>
public sealed class PostgresEngine : StoreEngine
{
    public PostgresServer Server { get; } = new();

    public override SqlIndexStore Create(string name) => new PostgresIndexStore(Server.CreateDatabase(name.Replace('-', '_')));

    public override SqlIndexStore Reopen(SqlIndexStore store) => new PostgresIndexStore(((PostgresIndexStore)store).ConnectionString);

    public override async Task<string> ExplainAsync(SqlIndexStore store, string sql)
    {
        await using var connection = await ((PostgresIndexStore)store).OpenNpgsqlAsync(CancellationToken.None);
        // The test tables hold a few rows, which a sequential scan reads faster: with scans priced out, the plan shows
        // whether an index can serve the query at all.
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off;", connection)) await off.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand("EXPLAIN " + sql.Replace("@account", "'x'").Replace("@modelId", "1")
            .Replace("@block", "1").Replace("@log", "1").Replace("@limit", "1"), connection);
        await using var reader = await command.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
        return string.Join("; ", plan);
    }

    public override void Dispose() => Server.Dispose();
}

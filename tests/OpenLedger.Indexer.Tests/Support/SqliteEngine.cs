using Microsoft.Data.Sqlite;
using OpenLedger.Indexer.Store.Sql;
using OpenLedger.Indexer.Store.Sqlite;
using OpenLedger.TestSupport;

namespace OpenLedger.Indexer.Tests.Support;

/// <summary>SQLite stores, each a file in one temp directory.</summary>
public sealed class SqliteEngine : StoreEngine
{
    private readonly TempDirectory _dir = new();
    private int _count;

    public override SqlIndexStore Create(string name) => new SqliteIndexStore(_dir.File($"{name}-{Interlocked.Increment(ref _count)}.db"));

    public override SqlIndexStore Reopen(SqlIndexStore store) => new SqliteIndexStore(((SqliteIndexStore)store).DatabasePath);

    public override async Task<string> ExplainAsync(SqlIndexStore store, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={((SqliteIndexStore)store).DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in new[] { "@account", "@modelId", "@block", "@log", "@limit" })
            if (sql.Contains(name)) command.Parameters.AddWithValue(name, 1);
        await using var reader = await command.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        return string.Join("; ", plan);
    }

    public override void Dispose() => _dir.Dispose();
}

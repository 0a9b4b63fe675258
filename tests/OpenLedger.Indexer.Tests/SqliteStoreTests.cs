using Microsoft.Data.Sqlite;
using OpenLedger.Indexer.Store.Sqlite;
using OpenLedger.Indexer.Tests.Support;

namespace OpenLedger.Indexer.Tests;

/// <summary><see cref="StoreTests"/> on SQLite files, and what only SQLite has: the WAL journal.</summary>
public sealed class SqliteStoreTests(SqliteEngine engine) : StoreTests(engine), IClassFixture<SqliteEngine>
{
    protected override string AccountIndexPlan(string index) => $"USING INDEX {index} (account=?";

    [Fact]
    public async Task The_file_is_in_WAL_mode()
    {
        await using var connection = new SqliteConnection($"Data Source={((SqliteIndexStore)_store).DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string)(await command.ExecuteScalarAsync())!);
    }
}

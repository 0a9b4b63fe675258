using Dapper;
using OpenLedger.Indexer.Store.Postgres;
using OpenLedger.Indexer.Store.Sqlite;
using OpenLedger.Indexer.Tests.Support;

namespace OpenLedger.Indexer.Tests;

/// <summary><see cref="StoreTests"/> on databases of a private PostgreSQL server, and PostgreSQL's own schema checks.</summary>
public sealed class PostgresStoreTests(PostgresEngine engine) : StoreTests(engine), IClassFixture<PostgresEngine>
{
    protected override string AccountIndexPlan(string index) => index;

    [Fact]
    public void Both_engines_have_the_same_migrations()
    {
        Assert.Equal(SqliteIndexStore.LatestVersion, PostgresIndexStore.LatestVersion);
    }

    [Fact]
    public async Task A_database_with_a_newer_schema_is_refused_naming_the_setting_and_nothing_is_written()
    {
        var store = (PostgresIndexStore)_store;
        await using (var connection = await store.OpenNpgsqlAsync(Ct))
            await connection.ExecuteAsync("INSERT INTO schema_version (version) VALUES (@version);", new { version = PostgresIndexStore.LatestVersion + 1 });
        var error = await Assert.ThrowsAsync<IndexerException>(() => store.MigrateAsync(Ct));
        Assert.Equal($"{store.Describe} has schema version {PostgresIndexStore.LatestVersion + 1} but this indexer knows versions up to {PostgresIndexStore.LatestVersion}",
            error.Message);
        Assert.Contains("(Store:ConnectionString)", error.Message);
        Assert.DoesNotContain(engine.Server.Password, error.Message);
        Assert.Null(await store.GetCursorAsync(Ct));
    }
}

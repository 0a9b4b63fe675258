using OpenLedger.Indexer.Leadership;
using OpenLedger.Indexer.Store.Postgres;
using OpenLedger.Indexer.Store.Sql;
using OpenLedger.Indexer.Store.Sqlite;

namespace OpenLedger.Indexer.Store;

/// <summary>The store and its leader lease as configured: SQLite at Indexer:DatabasePath, or PostgreSQL.</summary>
public static class IndexStores
{
    public static SqlIndexStore Create(StoreOptions store, IndexerOptions indexer) => store.Provider switch
    {
        StoreOptions.Postgres => new PostgresIndexStore(store.ConnectionString, $"{StoreOptions.SectionName}:ConnectionString"),
        _ => new SqliteIndexStore(indexer.DatabasePath),
    };

    public static ILeaderLease Lease(SqlIndexStore store) => store switch
    {
        PostgresIndexStore postgres => new PostgresLeaderLease(postgres),
        SqliteIndexStore sqlite => new SqliteLeaderLease(sqlite.DatabasePath),
        _ => throw new ArgumentException($"no leader lease for {store.GetType().Name}", nameof(store)),
    };

    /// <summary>Where the store is, for messages: the SQLite file or the PostgreSQL server and database, never a password.</summary>
    public static string Describe(SqlIndexStore store) => store switch
    {
        PostgresIndexStore postgres => postgres.Describe,
        SqliteIndexStore sqlite => $"SQLite database '{sqlite.DatabasePath}' (Indexer:DatabasePath)",
        _ => store.GetType().Name,
    };
}

using OpenLedger.Indexer.Store.Sql;

namespace OpenLedger.Indexer.Tests.Support;

/// <summary>
/// One database engine the store tests run against (a class fixture): fresh, migrated stores on demand, their canonical
/// dumps, and the engine's own check that the account queries are served by the account indexes.
/// </summary>
public abstract class StoreEngine : IDisposable
{
    /// <summary>A new empty store (its own file or database), migrated.</summary>
    public async Task<SqlIndexStore> CreateAsync(string name)
    {
        var store = Create(name);
        await store.MigrateAsync(CancellationToken.None);
        return store;
    }

    /// <summary>A new empty store, not migrated.</summary>
    public abstract SqlIndexStore Create(string name);

    /// <summary>A second store object on the same file or database, as another process would open it.</summary>
    public abstract SqlIndexStore Reopen(SqlIndexStore store);

    public string Dump(SqlIndexStore store) => DatabaseDump.Canonical(store);

    /// <summary>The plans of the account queries, as the engine explains them, joined into one text.</summary>
    public abstract Task<string> ExplainAsync(SqlIndexStore store, string sql);

    public abstract void Dispose();
}

namespace OpenLedger.Indexer.Tests.Support;

/// <summary>
/// Both engines for tests that run once per engine (a theory over "sqlite" and "postgres"): each is started on first
/// use, so a run filtered to SQLite starts no PostgreSQL server, and one that needs PostgreSQL fails without it.
/// </summary>
public sealed class StoreEngines : IDisposable
{
    private readonly Lazy<SqliteEngine> _sqlite = new(() => new SqliteEngine());
    private readonly Lazy<PostgresEngine> _postgres = new(() => new PostgresEngine());

    public StoreEngine this[string name] => name switch
    {
        "sqlite" => _sqlite.Value,
        "postgres" => _postgres.Value,
        _ => throw new ArgumentException($"no store engine '{name}'", nameof(name)),
    };

    public void Dispose()
    {
        if (_sqlite.IsValueCreated) _sqlite.Value.Dispose();
        if (_postgres.IsValueCreated) _postgres.Value.Dispose();
    }
}

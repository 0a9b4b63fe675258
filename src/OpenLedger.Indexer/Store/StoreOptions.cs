namespace OpenLedger.Indexer.Store;

/// <summary>
/// Which database holds the index, bound from the configuration section <c>Store</c>. SQLite (the default) is the file
/// at Indexer:DatabasePath; PostgreSQL is the server named by <see cref="ConnectionString"/>, which, holding a password,
/// belongs in the environment (Store__ConnectionString or OPENLEDGER_Store__ConnectionString) rather than a settings file.
/// </summary>
public sealed class StoreOptions
{
    public const string SectionName = "Store";

    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>"sqlite" or "postgres".</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>Npgsql connection string (Host, Port, Database, Username, Password) when Provider is postgres.</summary>
    public string ConnectionString { get; set; } = "";
}

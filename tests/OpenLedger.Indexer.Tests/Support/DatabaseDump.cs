using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using OpenLedger.Indexer.Store.Postgres;
using OpenLedger.Indexer.Store.Sql;
using OpenLedger.Indexer.Store.Sqlite;

namespace OpenLedger.Indexer.Tests.Support;

/// <summary>
/// A canonical text form of an index database: every table (event rows, derived state, the cursor) with its rows
/// sorted. Two databases with equal dumps hold the same data. block_hashes is left out: which block hashes are
/// kept depends on how ranges were cut, not on the chain, and leader_lease counts the leaders a database had.
/// </summary>
public static class DatabaseDump
{
    private const string Skipped = "('block_hashes', 'schema_version', 'leader_lease')";

    public static string Canonical(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return Canonical(connection, $"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN {Skipped} ORDER BY name;");
    }

    /// <summary>The dump of either engine's store.</summary>
    public static string Canonical(SqlIndexStore store)
    {
        if (store is SqliteIndexStore sqlite) return Canonical(sqlite.DatabasePath);
        using var connection = ((PostgresIndexStore)store).OpenNpgsqlAsync(CancellationToken.None).GetAwaiter().GetResult();
        return Canonical(connection,
            $"SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT IN {Skipped} ORDER BY table_name;");
    }

    private static string Canonical(DbConnection connection, string listTables)
    {
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = listTables;
            using var reader = list.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        var dump = new StringBuilder();
        foreach (var table in tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table};";
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                var values = new string[reader.FieldCount];
                for (var i = 0; i < values.Length; i++) values[i] = Text(reader.IsDBNull(i) ? null : reader.GetValue(i));
                rows.Add(string.Join('|', values));
            }
            rows.Sort(StringComparer.Ordinal);
            dump.Append("## ").Append(table).Append(' ').Append(rows.Count).Append('\n');
            foreach (var row in rows) dump.Append(row).Append('\n');
        }
        return dump.ToString();
    }

    // Blobs (contributions' ids, hashes and addresses) as hex: Convert.ToString would print "System.Byte[]" for every one.
    private static string Text(object? value) => value switch
    {
        null => "NULL",
        byte[] bytes => "x'" + Convert.ToHexStringLower(bytes) + "'",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
    };

    /// <summary>Every index of the database as the engine's catalog defines it, one "name: definition" per line, sorted.</summary>
    public static IReadOnlyList<string> Indexes(SqlIndexStore store)
    {
        using DbConnection connection = store is SqliteIndexStore sqlite
            ? new SqliteConnection($"Data Source={sqlite.DatabasePath};Mode=ReadOnly;Pooling=False")
            : ((PostgresIndexStore)store).OpenNpgsqlAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (connection.State != System.Data.ConnectionState.Open) connection.Open();
        using var command = connection.CreateCommand();
        // SQLite keeps the statement that created the index; "IF NOT EXISTS" is not part of what it defines.
        command.CommandText = store is SqliteIndexStore
            ? "SELECT name, replace(COALESCE(sql, 'automatic'), 'IF NOT EXISTS ', '') FROM sqlite_master WHERE type = 'index';"
            : "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema();";
        using var reader = command.ExecuteReader();
        var indexes = new List<string>();
        while (reader.Read()) indexes.Add($"{reader.GetString(0)}: {reader.GetString(1)}");
        indexes.Sort(StringComparer.Ordinal);
        return indexes;
    }

    public static long Count(SqlIndexStore store, string table)
    {
        if (store is SqliteIndexStore sqlite) return Count(sqlite.DatabasePath, table);
        using var connection = ((PostgresIndexStore)store).OpenNpgsqlAsync(CancellationToken.None).GetAwaiter().GetResult();
        using var command = new NpgsqlCommand($"SELECT COUNT(*) FROM {table};", connection);
        return (long)command.ExecuteScalar()!;
    }

    public static long Count(string databasePath, string table)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table};";
        return (long)command.ExecuteScalar()!;
    }
}

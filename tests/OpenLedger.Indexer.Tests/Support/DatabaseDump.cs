using System.Text;
using Microsoft.Data.Sqlite;

namespace OpenLedger.Indexer.Tests.Support;

/// <summary>
/// A canonical text form of an index database: every table (event rows, derived state, the cursor) with its rows
/// sorted. Two databases with equal dumps hold the same data. block_hashes is left out: which block hashes are
/// kept depends on how ranges were cut, not on the chain.
/// </summary>
public static class DatabaseDump
{
    public static string Canonical(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('block_hashes', 'schema_version') ORDER BY name;";
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

    public static long Count(string databasePath, string table)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table};";
        return (long)command.ExecuteScalar()!;
    }
}

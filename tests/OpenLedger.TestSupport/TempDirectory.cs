using Microsoft.Data.Sqlite;

namespace OpenLedger.TestSupport;

/// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
public sealed class TempDirectory(string prefix = "openledger-") : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        // Pooled SQLite connections keep their files open; closed, the directory can go.
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a handle still open elsewhere: the OS temp cleaner takes it */ }
        catch (UnauthorizedAccessException) { }
    }
}

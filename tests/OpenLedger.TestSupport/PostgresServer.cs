using System.Diagnostics;
using Npgsql;

namespace OpenLedger.TestSupport;

/// <summary>
/// A private PostgreSQL server (scripts/pg.sh): initdb into a temp directory, started on a free 127.0.0.1 port with its
/// socket in that directory, stopped and deleted on dispose. Use as a class fixture; each test class or test takes its
/// own database from <see cref="CreateDatabase"/>. Without PostgreSQL installed the constructor throws: a test that needs
/// the server fails with the reason, it is never skipped.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly TempDirectory _directory = new("openledger-pg-");
    private int _databases;

    public PostgresServer()
    {
        try
        {
            ConnectionString = RunScript("start", DataDirectory).Trim().Split('\n')[^1].Trim();
        }
        catch
        {
            _directory.Dispose();
            throw;
        }
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        Port = builder.Port;
        Password = builder.Password!;
    }

    private string DataDirectory => _directory.File("server");

    /// <summary>The server's maintenance database as the superuser 'openledger'.</summary>
    public string ConnectionString { get; }

    public int Port { get; }

    public string Password { get; }

    /// <summary>A new empty database; its connection string (with the password) is returned.</summary>
    public string CreateDatabase(string prefix = "t")
    {
        var name = $"{prefix.ToLowerInvariant()}_{Interlocked.Increment(ref _databases)}";
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\";", connection);
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        try { RunScript("stop", DataDirectory); }
        finally { _directory.Dispose(); }
    }

    private static string RunScript(params string[] args)
    {
        var psi = new ProcessStartInfo("bash", [RepoPaths.Combine("scripts", "pg.sh"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start bash");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scripts/pg.sh {args[0]} took over 90 s");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"scripts/pg.sh {args[0]} failed (exit {process.ExitCode}): {stderr.Result.Trim()}");
        return stdout.Result;
    }
}

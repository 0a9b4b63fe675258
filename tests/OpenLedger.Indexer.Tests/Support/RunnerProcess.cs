using System.Diagnostics;
using OpenLedger.Indexer.Store.Postgres;
using OpenLedger.Indexer.Store.Sql;
using OpenLedger.Indexer.Store.Sqlite;

namespace OpenLedger.Indexer.Tests.Support;

/// <summary>
/// The index-to-head console (tests/OpenLedger.Indexer.Runner) started as a separate process. It prints
/// "cursor N" after every committed range; <see cref="WaitForCursor"/> follows those lines.
/// </summary>
public sealed class RunnerProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;
    private readonly object _gate = new();
    private long _cursor = -1;
    private bool _outputClosed;
    private bool _leader;

    /// <param name="holdAfter">When set, the process stops making progress once it has committed this block and
    /// waits to be killed.</param>
    public RunnerProcess(Uri rpc, string deployment, string database, int range, long? holdAfter = null)
        : this(rpc, deployment, new SqliteIndexStore(database), range, holdAfter)
    {
    }

    /// <param name="lease">null: no lease; "leader": take it or fail; "standby": wait for it.</param>
    public RunnerProcess(Uri rpc, string deployment, SqlIndexStore store, int range, long? holdAfter = null, string? lease = null)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "OpenLedger.Indexer.Runner");
        var database = store is SqliteIndexStore sqlite ? sqlite.DatabasePath : "unused";
        string[] arguments = ["--rpc", rpc.ToString(), "--deployment", deployment, "--db", database,
            "--range", range.ToString(), "--max-range", range.ToString()];
        if (holdAfter is { } hold) arguments = [.. arguments, "--hold-after", hold.ToString()];
        if (lease is not null) arguments = [.. arguments, "--lease", lease];
        var psi = new ProcessStartInfo(path, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (store is PostgresIndexStore postgres)
        {
            psi.ArgumentList.Add("--store");
            psi.ArgumentList.Add("postgres");
            // The password goes through the environment, not the argument list other processes can read.
            psi.Environment["Store__ConnectionString"] = postgres.ConnectionString;
        }
        _process = new Process { StartInfo = psi };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        if (!_process.Start()) throw new InvalidOperationException($"could not start {path}");
        _process.BeginOutputReadLine();
        _stderr = _process.StandardError.ReadToEndAsync();
    }

    /// <summary>The last cursor the process reported committing, -1 before the first.</summary>
    public long Cursor { get { lock (_gate) return _cursor; } }

    /// <summary>
    /// Waits until the process reports a committed cursor at or above <paramref name="block"/>: true then, false when
    /// its output ended first (it exited) or <paramref name="timeout"/> passed.
    /// </summary>
    public bool WaitForCursor(long block, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        lock (_gate)
        {
            while (_cursor < block)
            {
                var left = deadline - DateTime.UtcNow;
                if (_outputClosed || left <= TimeSpan.Zero) return false;
                Monitor.Wait(_gate, left);
            }
            return true;
        }
    }

    /// <summary>Waits until the process reports holding the leader lease: false when it exited first or the time passed.</summary>
    public bool WaitForLeader(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        lock (_gate)
        {
            while (!_leader)
            {
                var left = deadline - DateTime.UtcNow;
                if (_outputClosed || left <= TimeSpan.Zero) return false;
                Monitor.Wait(_gate, left);
            }
            return true;
        }
    }

    public bool IsLeader { get { lock (_gate) return _leader; } }

    public int Id => _process.Id;

    /// <summary>Waits up to <paramref name="timeout"/>; true when the process exited by itself.</summary>
    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string StandardError => _stderr.Result;

    /// <summary>SIGKILL: no finally blocks, no flush, no chance to finish a transaction.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    private void OnLine(string? line)
    {
        lock (_gate)
        {
            if (line is null) _outputClosed = true;
            else if (line.StartsWith("cursor ", StringComparison.Ordinal)) _cursor = Math.Max(_cursor, long.Parse(line.AsSpan(7)));
            else if (line == "leader") _leader = true;
            Monitor.PulseAll(_gate);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited) KillHard();
        _process.Dispose();
    }
}

using System.Diagnostics;

namespace OpenLedger.Indexer.Tests.Support;

/// <summary>The index-to-head console (tests/OpenLedger.Indexer.Runner) started as a separate process.</summary>
public sealed class RunnerProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;

    public RunnerProcess(Uri rpc, string deployment, string database, int range)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "OpenLedger.Indexer.Runner");
        var psi = new ProcessStartInfo(path, ["--rpc", rpc.ToString(), "--deployment", deployment, "--db", database,
            "--range", range.ToString(), "--max-range", range.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {path}");
        _ = _process.StandardOutput.ReadToEndAsync();
        _stderr = _process.StandardError.ReadToEndAsync();
    }

    /// <summary>Waits up to <paramref name="timeout"/>; true when the process exited by itself.</summary>
    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    public int ExitCode => _process.ExitCode;

    public string StandardError => _stderr.Result;

    /// <summary>SIGKILL: no finally blocks, no flush, no chance to finish a transaction.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) KillHard();
        _process.Dispose();
    }
}

using System.Diagnostics;

namespace OpenLedger.Cli.Tests.Support;

/// <summary>
/// `openledger` as its own process (dotnet openledger.dll from the test's output folder), for what only a real process
/// shows: everything written to stdout and stderr, logging included, and the exit code. Killed after <c>timeout</c>.
/// </summary>
public static class CliProcess
{
    public static async Task<(int? ExitCode, string Out, string Err)> RunAsync(string[] args, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "openledger.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        int? exit;
        try
        {
            await process.WaitForExitAsync(cts.Token);
            exit = process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true); // still running: null tells the test it did not stop
            await process.WaitForExitAsync();
            exit = null;
        }
        return (exit, await stdout, await stderr);
    }
}

using System.Diagnostics;

namespace OpenLedger.TestSupport;

/// <summary>
/// A Hardhat node started with scripts/node.sh on a free 127.0.0.1 port and stopped on dispose.
/// Use as an xunit class or collection fixture: one node per fixture, so tests in other classes never share chain state.
/// </summary>
public sealed class HardhatNode : IDisposable
{
    /// <summary>The default mnemonic of a Hardhat node: its 20 accounts are funded with 10,000 ETH each.</summary>
    public const string DefaultMnemonic = "test test test test test test test test test test test junk";

    public const ulong ChainId = 31337;

    public Uri Url { get; }

    public int Port => Url.Port;

    public HardhatNode()
    {
        var output = RunScript("start", "0");
        Url = new Uri(output.Trim().Split('\n')[^1].Trim());
    }

    public void Dispose() => RunScript("stop", Port.ToString());

    private static string RunScript(params string[] args)
    {
        var psi = new ProcessStartInfo("bash", [RepoPaths.Combine("scripts", "node.sh"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start bash");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scripts/node.sh {string.Join(' ', args)} took over 60 s");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"scripts/node.sh {string.Join(' ', args)} failed: {stderr.Result}");
        return stdout.Result;
    }
}

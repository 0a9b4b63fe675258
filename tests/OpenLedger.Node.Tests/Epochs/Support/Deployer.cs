using System.Diagnostics;
using OpenLedger.TestSupport;

namespace OpenLedger.Node.Tests.Epochs.Support;

/// <summary>Runs scripts/deploy.js against a test chain with the reporter role given to <c>reporter</c>; returns a copy of the deployment file.</summary>
public static class Deployer
{
    public static string Deploy(Uri node, string reporter, string outputDirectory)
    {
        var psi = new ProcessStartInfo("npx", ["--no-install", "hardhat", "run", "scripts/deploy.js", "--network", "localhost"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        psi.Environment["OPENLEDGER_RPC_URL"] = node.ToString();
        psi.Environment["OPENLEDGER_REPORTER"] = reporter;
        psi.Environment["OPENLEDGER_REDEPLOY"] = "1";
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start npx");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("scripts/deploy.js did not finish in 3 minutes");
        }
        if (process.ExitCode != 0) throw new InvalidOperationException($"scripts/deploy.js exited {process.ExitCode}: {stderr.Result}{stdout.Result}");
        // deployments/localhost.json is shared by every run in this checkout: keep our own copy at once.
        var copy = Path.Combine(outputDirectory, "deployment.json");
        File.Copy(RepoPaths.Combine("deployments", "localhost.json"), copy, overwrite: true);
        return copy;
    }
}

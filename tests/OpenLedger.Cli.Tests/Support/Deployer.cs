using System.Diagnostics;
using OpenLedger.TestSupport;

namespace OpenLedger.Cli.Tests.Support;

/// <summary>Deploys OpenLedger with scripts/deploy.js to a Hardhat node and copies the deployment file out of the repo.</summary>
public static class Deployer
{
    public static string Deploy(Uri node, string outputFile)
    {
        var psi = new ProcessStartInfo("npx", ["--no-install", "hardhat", "run", "scripts/deploy.js", "--network", "localhost"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        psi.Environment["OPENLEDGER_RPC_URL"] = node.ToString();
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
        File.Copy(RepoPaths.Combine("deployments", "localhost.json"), outputFile, overwrite: true);
        return outputFile;
    }
}

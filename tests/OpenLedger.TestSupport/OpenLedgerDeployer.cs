using System.Diagnostics;

namespace OpenLedger.TestSupport;

/// <summary>
/// Deploys OpenLedger with scripts/deploy.js to a test chain, writing the deployment record to a file of the
/// caller's (OPENLEDGER_DEPLOYMENT_FILE), so test projects running in parallel never share deployments/localhost.json.
/// </summary>
public static class OpenLedgerDeployer
{
    /// <summary>Deploys to <paramref name="node"/>; the reporter role goes to <paramref name="reporter"/> (default: the deployer).</summary>
    public static string Deploy(Uri node, string deploymentFile, string? reporter = null)
    {
        // --no-compile: the artifacts are compiled before the tests (scripts/test.sh). Test assemblies run in parallel, and
        // a compile here would rewrite artifacts/build-info while another assembly's node is reading it.
        var psi = new ProcessStartInfo("npx", ["--no-install", "hardhat", "run", "--no-compile", "scripts/deploy.js", "--network", "localhost"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        psi.Environment["OPENLEDGER_RPC_URL"] = node.ToString();
        psi.Environment["OPENLEDGER_DEPLOYMENT_FILE"] = Path.GetFullPath(deploymentFile);
        psi.Environment["OPENLEDGER_REDEPLOY"] = "1";
        if (reporter is not null) psi.Environment["OPENLEDGER_REPORTER"] = reporter;
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start npx");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("scripts/deploy.js did not finish in 3 minutes");
        }
        if (process.ExitCode != 0) throw new InvalidOperationException($"scripts/deploy.js exited {process.ExitCode}: {stderr.Result}{stdout.Result}");
        return deploymentFile;
    }
}

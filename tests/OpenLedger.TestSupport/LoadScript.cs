using System.Diagnostics;
using System.Text.Json.Nodes;

namespace OpenLedger.TestSupport;

/// <summary>Runs tests/OpenLedger.Indexer.Tests/scripts/load.js against a node: deploys OpenLedger, plays every event type, adds bulk contributions, writes the deployment file. Shared by the indexer and API tests.</summary>
public static class LoadScript
{
    public const string Path = "tests/OpenLedger.Indexer.Tests/scripts/load.js";

    /// <summary>Returns the deployment file path and the head block after loading.</summary>
    public static (string DeploymentFile, long Head) Run(Uri node, string outputDirectory, int contributions, bool lifecycle = true,
        int batch = 10, int txsPerBlock = 10, int seed = 1, int singles = 0, int singlesPerTx = 100)
    {
        var output = System.IO.Path.Combine(outputDirectory, "deployment.json");
        // --no-compile: the artifacts are compiled before the tests (scripts/test.sh). Test assemblies run in parallel, and
        // a compile here would rewrite artifacts/build-info while another assembly's node is reading it.
        var psi = new ProcessStartInfo("npx", ["--no-install", "hardhat", "run", "--no-compile", Path, "--network", "localhost"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        psi.Environment["OPENLEDGER_RPC_URL"] = node.ToString();
        psi.Environment["LOAD_OUT"] = output;
        psi.Environment["LOAD_CONTRIBUTIONS"] = contributions.ToString();
        psi.Environment["LOAD_LIFECYCLE"] = lifecycle ? "1" : "0";
        psi.Environment["LOAD_BATCH"] = batch.ToString();
        psi.Environment["LOAD_TXS_PER_BLOCK"] = txsPerBlock.ToString();
        psi.Environment["LOAD_SEED"] = seed.ToString();
        psi.Environment["LOAD_SINGLES"] = singles.ToString();
        psi.Environment["LOAD_SINGLES_PER_TX"] = singlesPerTx.ToString();
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start npx");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path} did not finish in 5 minutes");
        }
        if (process.ExitCode != 0) throw new InvalidOperationException($"{Path} exited {process.ExitCode}: {stderr.Result}");
        var summary = JsonNode.Parse(stdout.Result.Trim().Split('\n')[^1])!;
        return (output, summary["head"]!.GetValue<long>());
    }
}

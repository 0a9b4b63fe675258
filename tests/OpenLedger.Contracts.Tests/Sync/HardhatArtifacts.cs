using System.Diagnostics;
using System.Text.Json.Nodes;
using OpenLedger.TestSupport;

namespace OpenLedger.Contracts.Tests.Sync;

/// <summary>
/// The Hardhat compile output. `npx hardhat compile` runs once per test run (it is incremental, so a no-op when
/// nothing changed): the artifacts then always reflect the current Solidity sources, never a stale build.
/// </summary>
public static class HardhatArtifacts
{
    private static readonly Lazy<string> Compiled = new(Compile, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The ABI of an artifact, or null when the file does not exist (a contract not written yet).</summary>
    public static JsonArray? TryReadAbi(string relativePath)
    {
        _ = Compiled.Value;
        var file = RepoPaths.Combine(relativePath);
        if (!File.Exists(file)) return null;
        return JsonNode.Parse(File.ReadAllText(file))!["abi"]!.AsArray();
    }

    public static JsonObject Read(string relativePath)
    {
        _ = Compiled.Value;
        var file = RepoPaths.Combine(relativePath);
        if (!File.Exists(file)) throw new FileNotFoundException($"Hardhat artifact {relativePath} not found after compiling", file);
        return JsonNode.Parse(File.ReadAllText(file))!.AsObject();
    }

    private static string Compile()
    {
        var psi = new ProcessStartInfo("npx", ["hardhat", "compile", "--quiet"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start npx");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("npx hardhat compile took over 5 minutes");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"npx hardhat compile failed ({process.ExitCode}): {stderr.Result}{stdout.Result}");
        return stdout.Result;
    }
}

using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenLedger.TestSupport;

/// <summary>
/// Runs a node.js script that computes reference answers with a library no one here wrote (ethers.js v6,
/// @openzeppelin/merkle-tree). The script reads one JSON document on stdin and writes one on stdout; many
/// cases travel in one call so a thousand-case differential test costs one node start.
/// </summary>
public static class NodeOracle
{
    /// <summary>Runs <paramref name="scriptPath"/> (relative to the repository root) with <paramref name="input"/>.</summary>
    public static JsonNode Run(string scriptPath, JsonNode input, TimeSpan? timeout = null)
    {
        var script = RepoPaths.Combine(scriptPath);
        if (!File.Exists(script)) throw new FileNotFoundException($"Oracle script {script} not found", script);
        var psi = new ProcessStartInfo("node", [script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start node");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input.ToJsonString());
        process.StandardInput.Close();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"oracle {scriptPath} did not finish in time");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"oracle {scriptPath} exited {process.ExitCode}: {stderr.Result}");
        return JsonNode.Parse(stdout.Result) ?? throw new InvalidOperationException($"oracle {scriptPath} printed no JSON");
    }

    /// <summary>Serializes <paramref name="value"/> as the oracle's input.</summary>
    public static JsonNode Run<T>(string scriptPath, T value, TimeSpan? timeout = null) =>
        Run(scriptPath, JsonSerializer.SerializeToNode(value) ?? new JsonObject(), timeout);
}

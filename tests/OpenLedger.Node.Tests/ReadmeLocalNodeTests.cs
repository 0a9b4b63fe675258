using System.Diagnostics;
using System.Text.Json.Nodes;
using OpenLedger.TestSupport;

namespace OpenLedger.Node.Tests;

/// <summary>
/// README's "A local node by hand" (issue 16, item 10), run as written in a copy of the repository (so the test's
/// deployments/localhost.json and data/openledger.db never touch the developer's): start a Hardhat node, deploy,
/// `dotnet run --project src/OpenLedger.Node`, check /health, stop. The one change is the port: 8545 in the commands
/// becomes a free port, and the environment points the deploy script (OPENLEDGER_RPC_URL) and the node
/// (OPENLEDGER_Indexer__RpcUrl, OPENLEDGER_urls) at it, so the test runs beside anything else on this machine.
/// </summary>
public sealed class ReadmeLocalNodeTests
{
    [Fact]
    public async Task The_readme_steps_start_a_healthy_node_from_the_repository_root()
    {
        var commands = ReadmeCommands();
        Assert.Equal(4, commands.Count);
        Assert.Equal("dotnet run --project src/OpenLedger.Node", commands[2]);

        using var copy = new TempDirectory("openledger-readme-");
        CopyRepository(copy.Path);
        var rpcPort = LoopbackPort.Free();
        var apiPort = LoopbackPort.Free();
        var env = new Dictionary<string, string>
        {
            ["OPENLEDGER_RPC_URL"] = $"http://127.0.0.1:{rpcPort}",
            ["OPENLEDGER_Indexer__RpcUrl"] = $"http://127.0.0.1:{rpcPort}",
            ["OPENLEDGER_urls"] = $"http://127.0.0.1:{apiPort}",
        };
        string Port(string command) => command.Replace("8545", rpcPort.ToString());
        try
        {
            Run(copy.Path, Port(commands[0]), env, TimeSpan.FromMinutes(1));
            Run(copy.Path, Port(commands[1]), env, TimeSpan.FromMinutes(3));
            Assert.True(File.Exists(Path.Combine(copy.Path, "deployments", "localhost.json")), "the deploy step wrote no deployments/localhost.json");

            using var node = Start(copy.Path, Port(commands[2]), env);
            try
            {
                var health = await WaitForHealthAsync(new Uri($"http://127.0.0.1:{apiPort}/health"), node, TimeSpan.FromMinutes(5));
                Assert.Equal("healthy", health["status"]!.GetValue<string>());
            }
            finally
            {
                node.Kill(entireProcessTree: true);
                await node.WaitForExitAsync();
            }
            // Paths resolved against the folder the command ran in, not the project's.
            Assert.True(File.Exists(Path.Combine(copy.Path, "data", "openledger.db")), "no data/openledger.db at the repository root");
            Assert.False(Directory.Exists(Path.Combine(copy.Path, "src", "OpenLedger.Node", "data")), "the node wrote src/OpenLedger.Node/data");
        }
        finally
        {
            Run(copy.Path, Port(commands[3]), env, TimeSpan.FromMinutes(1));
        }
    }

    /// <summary>The commands of README's "A local node by hand" block, comments stripped.</summary>
    private static List<string> ReadmeCommands()
    {
        var lines = File.ReadAllLines(RepoPaths.Combine("README.md"));
        var start = Array.FindIndex(lines, l => l.StartsWith("## A local node by hand", StringComparison.Ordinal));
        Assert.True(start >= 0, "README.md has no section 'A local node by hand'");
        var open = Array.FindIndex(lines, start, l => l.StartsWith("```sh", StringComparison.Ordinal));
        var close = Array.FindIndex(lines, open + 1, l => l.StartsWith("```", StringComparison.Ordinal));
        return [.. lines[(open + 1)..close].Select(l => (l.IndexOf(" #", StringComparison.Ordinal) is var c and >= 0 ? l[..c] : l).Trim()).Where(l => l.Length > 0)];
    }

    /// <summary>The files git knows (tracked and untracked, not ignored), the compiled contracts, and node_modules as a link.</summary>
    private static void CopyRepository(string target)
    {
        var files = Capture(RepoPaths.Root, "git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"]).Split('\0', StringSplitOptions.RemoveEmptyEntries);
        var compiled = new[] { "artifacts", "cache" }.SelectMany(d => Directory.EnumerateFiles(RepoPaths.Combine(d), "*", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f));
        foreach (var file in files.Concat(compiled).Where(f => !f.StartsWith("node_modules", StringComparison.Ordinal)))
        {
            var source = RepoPaths.Combine(file);
            if (!File.Exists(source)) continue; // deleted in the working tree
            var destination = Path.Combine(target, file);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(source, destination);
            File.SetLastWriteTimeUtc(destination, File.GetLastWriteTimeUtc(source));
        }
        // Hardhat's compile cache is keyed by absolute path: moved to the copy, the deploy step compiles nothing.
        var cache = Path.Combine(target, "cache", "solidity-files-cache.json");
        File.WriteAllText(cache, File.ReadAllText(cache).Replace(RepoPaths.Root + "/", target + "/"));
        File.CreateSymbolicLink(Path.Combine(target, "node_modules"), Path.GetFullPath(RepoPaths.Combine("node_modules")));
    }

    /// <summary>The last lines the node printed, for the failure message.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentQueue<string> NodeOutput = new();

    private static Process Start(string directory, string command, IReadOnlyDictionary<string, string> env)
    {
        var psi = new ProcessStartInfo("bash", ["-c", command]) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in env) psi.Environment[key] = value;
        var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start: {command}");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Keep(string? line)
    {
        if (line is null) return;
        NodeOutput.Enqueue(line);
        while (NodeOutput.Count > 40) NodeOutput.TryDequeue(out _);
    }

    private static void Run(string directory, string command, IReadOnlyDictionary<string, string> env, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo("bash", ["-c", command]) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in env) psi.Environment[key] = value;
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start: {command}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{command}' took over {timeout}");
        }
        Assert.True(process.ExitCode == 0, $"'{command}' exited {process.ExitCode}\n{stdout.Result}\n{stderr.Result}");
    }

    private static string Capture(string directory, string file, string[] args)
    {
        var psi = new ProcessStartInfo(file, args) { WorkingDirectory = directory, RedirectStandardOutput = true };
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    private static async Task<JsonNode> WaitForHealthAsync(Uri url, Process node, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        string last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(node.HasExited, $"the node exited with {(node.HasExited ? node.ExitCode : 0)} before /health answered ({last}):\n{string.Join('\n', NodeOutput)}");
            try
            {
                using var response = await http.GetAsync(url);
                last = await response.Content.ReadAsStringAsync();
                if (JsonNode.Parse(last)?["status"]?.GetValue<string>() == "healthy") return JsonNode.Parse(last)!;
            }
            catch (HttpRequestException) { /* building or starting */ }
            catch (TaskCanceledException) { }
            await Task.Delay(500);
        }
        throw new TimeoutException($"{url} did not answer healthy within {timeout}: {last}\n{string.Join('\n', NodeOutput)}");
    }
}

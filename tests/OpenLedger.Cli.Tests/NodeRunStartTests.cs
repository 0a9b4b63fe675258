using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using OpenLedger.Cli.Tests.Support;

namespace OpenLedger.Cli.Tests;

/// <summary>
/// `openledger node run` refusing to start (issue 16, item 7): one line on stderr, nothing else printed, exit 1, instead
/// of the host's stack trace, or of a node that runs unhealthy against the wrong chain.
/// </summary>
[Collection(ChainCollection.Name)]
public sealed class NodeRunStartTests(ChainFixture chain)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private string[] Run(int port, string deployment) =>
        ["node", "run", "--urls", $"http://127.0.0.1:{port}", "--database", chain.Directory.File($"start-{port}.db"),
            "--rpc", chain.Chain.Url.ToString(), "--deployment", deployment];

    [Fact]
    public async Task A_port_in_use_is_one_line_and_exit_1_without_a_stack_trace()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exit, stdout, stderr) = await CliProcess.RunAsync(Run(port, chain.DeploymentFile), Timeout);

        Assert.True(exit == 1, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.True(stdout.Length == 0, stdout);
        Assert.Equal($"error: the node could not start: Failed to bind to address http://127.0.0.1:{port}: address already in use.", stderr.Trim());
    }

    [Fact]
    public async Task An_rpc_url_serving_another_chain_stops_the_node_naming_both_chain_ids()
    {
        var deployment = JsonNode.Parse(await File.ReadAllTextAsync(chain.DeploymentFile))!;
        deployment["chainId"] = 5;
        var other = chain.Directory.File("deployment-chain-5.json");
        await File.WriteAllTextAsync(other, deployment.ToJsonString());

        var (exit, stdout, stderr) = await CliProcess.RunAsync(Run(LoopbackPort(), other), Timeout);

        Assert.True(exit == 1, $"exit {exit} (null: still running after {Timeout})\n{stdout}\n{stderr}");
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith($"error: the node could not start: {chain.Chain.Url} serves chain 31337 but the deployment file {other}", line);
        Assert.Contains("is for chain 5", line);
    }

    [Fact]
    public async Task Zero_bond_policy_without_a_relay_is_bad_usage()
    {
        var run = await CliRunner.RunAsync(["node", "run", "--relay-zero-bond", "relay"]);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--relay-zero-bond applies to the relay", run.Err);
    }

    private static int LoopbackPort() => TestSupport.LoopbackPort.Free();
}

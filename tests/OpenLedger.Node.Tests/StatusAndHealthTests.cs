using System.Net;
using System.Text.Json.Nodes;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Node.Tests.Support;
using OpenLedger.TestSupport;

namespace OpenLedger.Node.Tests;

[Collection(LoadedNodeCollection.Name)]
public sealed class StatusAndHealthTests(LoadedNode node)
{
    [Fact]
    public async Task Status_reports_cursor_head_and_lag_of_a_healthy_indexer()
    {
        var head = (long)await node.Rpc.GetBlockNumberAsync();
        await node.WaitForCursorAsync(head);
        var status = await node.Client.GetJsonAsync("/status");
        Assert.True(status["healthy"]!.GetValue<bool>());
        Assert.Equal("healthy", status["status"]!.GetValue<string>());
        Assert.Equal(head, status["cursor"]!.GetValue<long>());
        Assert.Equal((await node.Rpc.GetBlockByNumberAsync((ulong)head))!.Hash.ToString(), status["cursorHash"]!.GetValue<string>());
        Assert.Equal(status["head"]!.GetValue<long>() - head, status["lag"]!.GetValue<long>());
        var health = await node.Client.GetJsonAsync("/health");
        Assert.Equal("healthy", health["status"]!.GetValue<string>());
        Assert.Equal(head, health["checks"]!["indexer"]!["data"]!["cursor"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_chain_id_mismatch_stops_the_node_at_start_naming_both_ids()
    {
        // Before issue 16 the node started, logged a stack trace and ran unhealthy; now it refuses to start.
        using var directory = new TempDirectory();
        await using var factory = new NodeFactory(NodeFactory.Settings(node.Chain.Url, node.DeploymentFile, directory.File("wrong.db"), chainId: 5));
        var error = Assert.Throws<NodeStartupException>(() => factory.CreateClient());
        Assert.Equal($"{node.Chain.Url} serves chain 31337 but Indexer:ChainId is 5: point the RPC URL at that chain, or use the deployment of chain 31337", error.Message);
    }

    [Fact]
    public async Task OpenApi_document_lists_every_route()
    {
        var document = await node.Client.GetJsonAsync("/openapi/v1.json");
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToHashSet();
        string[] expected =
        [
            "/models", "/models/{modelId}", "/models/{modelId}/contributions", "/models/{modelId}/contributions/by-hash/{contentHash}",
            "/contributions/{id}", "/accounts/{address}/contributions", "/accounts/{address}/bonds", "/accounts/{address}/shares",
            "/accounts/{address}/revenue", "/accounts/{address}/claims", "/accounts/{address}/unclaimed-epochs",
            "/models/{modelId}/epochs", "/models/{modelId}/epochs/{epoch}/proofs/{account}", "/models/{modelId}/epochs/{epoch}/evaluation", "/status", "/health",
        ];
        Assert.All(expected, path => Assert.Contains(path, paths));
        var list = document["paths"]!["/models/{modelId}/contributions"]!["get"]!;
        Assert.Contains(list["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "cursor");
        Assert.Contains("404", list["responses"]!.AsObject().Select(r => r.Key));
        Assert.Contains("400", list["responses"]!.AsObject().Select(r => r.Key));
        var health = document["paths"]!["/health"]!["get"]!["responses"]!.AsObject().Select(r => r.Key).ToList();
        Assert.Contains("200", health);
        Assert.Contains("503", health);
        var evaluation = document["paths"]!["/models/{modelId}/epochs/{epoch}/evaluation"]!["get"]!["responses"]!.AsObject();
        Assert.Equal(["200", "400", "404"], evaluation.Select(r => r.Key).Order());
        Assert.True(evaluation["404"]!["content"]!.AsObject().ContainsKey("application/problem+json"));
    }
}

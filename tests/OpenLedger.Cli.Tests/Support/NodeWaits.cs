using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using OpenLedger.Ethereum.Rpc;

namespace OpenLedger.Cli.Tests.Support;

/// <summary>What the fixtures that run `openledger node run` share: a free port, waiting for it to answer, waiting for its index.</summary>
public static class NodeWaits
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits (bounded) until the node answers /status; fails at once if the run ended instead.</summary>
    public static async Task ForNodeAsync(Task<CliRun> node, Uri nodeUrl)
    {
        using var http = new HttpClient();
        for (var i = 0; i < 600; i++)
        {
            if (node.IsCompleted) throw new InvalidOperationException($"node run exited: {await node}");
            try
            {
                using var response = await http.GetAsync(new Uri(nodeUrl, "/status"));
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            await Task.Delay(100);
        }
        throw new TimeoutException("node run did not answer /status within 60 s");
    }

    /// <summary>Waits (bounded) until the node's index has caught up with the chain head.</summary>
    public static async Task ForIndexAsync(JsonRpcClient rpc, Uri nodeUrl)
    {
        var head = (long)await rpc.GetBlockNumberAsync();
        using var http = new HttpClient { BaseAddress = nodeUrl };
        for (var i = 0; i < 1200; i++)
        {
            var status = JsonNode.Parse(await http.GetStringAsync("/status"));
            if (status?["cursor"]?.GetValue<long>() >= head) return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"the node did not index up to block {head} within 60 s");
    }
}

using System.Text.Json.Nodes;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.TestSupport;

namespace OpenLedger.Node.Tests.Support;

/// <summary>
/// A Hardhat node loaded by the indexer's load script (every event type, then <see cref="BulkContributions"/>
/// registerBatch contributions on model 1), and the node host indexing it into a temp SQLite file.
/// </summary>
public sealed class LoadedNode : IAsyncLifetime
{
    public const int BulkContributions = 1_234;

    public HardhatNode Chain { get; private set; } = null!;
    public TempDirectory Directory { get; } = new();
    public NodeFactory Factory { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public JsonRpcClient Rpc { get; private set; } = null!;
    public string DeploymentFile { get; private set; } = "";
    public IReadOnlyList<string> Accounts { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Chain = new HardhatNode();
        (DeploymentFile, var head) = LoadScript.Run(Chain.Url, Directory.Path, BulkContributions);
        Rpc = new JsonRpcClient(new HttpClient(), Chain.Url);
        Accounts = [.. (await Rpc.GetAccountsAsync()).Select(a => Hex.Encode(a.AsSpan()))];
        Factory = new NodeFactory(NodeFactory.Settings(Chain.Url, DeploymentFile, Directory.File("index.db")));
        Client = Factory.CreateClient();
        await WaitForCursorAsync(head);
    }

    /// <summary>Waits (bounded) until the API serves everything up to <paramref name="block"/>.</summary>
    public async Task WaitForCursorAsync(long block)
    {
        for (var i = 0; i < 1200; i++)
        {
            using var response = await Client.GetAsync("/status");
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"/status answered {(int)response.StatusCode}: {body}");
            var status = JsonNode.Parse(body);
            if (status?["cursor"]?.GetValue<long>() >= block) return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"the indexer did not reach block {block} within 60 s");
    }

    public string DeploymentAddress(string contract) =>
        JsonNode.Parse(File.ReadAllText(DeploymentFile))!["contracts"]![contract]!["address"]!.GetValue<string>();

    /// <summary>keccak("openledger-load:1:label"), the content hashes the load script registers.</summary>
    public static string LoadHash(string label) => Keccak.Hash($"openledger-load:1:{label}").ToString();

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Factory is not null) await Factory.DisposeAsync();
        Chain?.Dispose();
        Directory.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class LoadedNodeCollection : ICollectionFixture<LoadedNode>
{
    public const string Name = "loaded node";
}

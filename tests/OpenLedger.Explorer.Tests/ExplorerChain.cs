using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;
using OpenLedger.Contracts;
using OpenLedger.Contracts.Client;
using OpenLedger.Contracts.Registry;
using OpenLedger.Ethereum.Accounts;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Ethereum.Sending;
using OpenLedger.Node;
using OpenLedger.TestSupport;

namespace OpenLedger.Explorer.Tests;

/// <summary>
/// A Hardhat chain with OpenLedger deployed, the real node host (`node run`'s host: indexer, API, epoch intake and the
/// explorer) listening on a free loopback port, and headless Chromium. Seeded through the contracts and the node's
/// POST /reports as people would: model 1 with three contributors (ana, ben, eli; eli's report value is negative, and a
/// validator flagged it afterwards) and a claimable epoch 1; model 2 with ana alone and an epoch 1 still in its challenge window; model 3 holding a bond of
/// ben's that may be withdrawn and one of eli's still locked.
/// </summary>
public sealed class ExplorerChain : IAsyncLifetime
{
    public const string Token = "explorer-test-token";
    public static readonly BigInteger Ether = BigInteger.Pow(10, 18);
    public const int Ana = 2, Ben = 3, Eli = 4;
    private const string Password = "explorer-test-password";

    private readonly HdWallet _wallet = new(HardhatNode.DefaultMnemonic);
    private readonly Dictionary<int, OpenLedgerServices> _clients = [];
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public HardhatNode Chain { get; private set; } = null!;
    public TempDirectory Directory { get; } = new();
    public JsonRpcClient Rpc { get; private set; } = null!;
    public OpenLedgerDeployment Deployment { get; private set; } = null!;
    public OpenLedgerServices Reads { get; private set; } = null!;
    public Uri NodeUrl { get; private set; } = null!;
    public HttpClient Api { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public Dictionary<string, Hash32> Content { get; } = [];

    public Account Account(int index) => _wallet.GetAccount(index);

    public string Checksummed(int index) => Account(index).Address.ToChecksumString();

    public async Task InitializeAsync()
    {
        var bundle = Path.Combine(AppContext.BaseDirectory, "explorer", "index.html");
        if (!File.Exists(bundle))
            throw new InvalidOperationException($"the explorer bundle is not built ({bundle}): run scripts/install.sh (npm run build in src/OpenLedger.Explorer), then dotnet build");
        Chain = new HardhatNode();
        var deploymentFile = OpenLedgerDeployer.Deploy(Chain.Url, Directory.File("deployment.json"), Account(1).Address.ToString());
        Deployment = OpenLedgerDeployment.Load(deploymentFile);
        Rpc = new JsonRpcClient(new HttpClient(), Chain.Url);
        Reads = Deployment.Connect(Rpc);
        await StartNodeAsync(deploymentFile);
        await SeedAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true });
    }

    private async Task StartNodeAsync(string deploymentFile)
    {
        var keystore = Directory.File("reporter.json");
        await File.WriteAllTextAsync(keystore, Account(1).ToKeystore(Password, new KeystoreOptions { ScryptN = 1024 }));
        NodeUrl = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = NodeUrl.ToString().TrimEnd('/'),
            ["Indexer:RpcUrl"] = Chain.Url.ToString(),
            ["Indexer:ChainId"] = HardhatNode.ChainId.ToString(),
            ["Indexer:DeploymentFile"] = deploymentFile,
            ["Indexer:DatabasePath"] = Directory.File("index.db"),
            ["Indexer:PollingInterval"] = "00:00:00.100",
            ["Epochs:ApiToken"] = Token,
            ["Epochs:ReporterKeystore"] = keystore,
            ["Epochs:ReporterPassword"] = Password,
            ["Epochs:DataDirectory"] = Directory.File("epochs"),
            ["Epochs:PublicBaseUrl"] = NodeUrl.ToString().TrimEnd('/'),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddOpenLedgerNode();
        _app = builder.Build();
        _app.MapOpenLedgerNode();
        await _app.StartNodeAsync(CancellationToken.None);
        Api = new HttpClient { BaseAddress = NodeUrl };
        using var explorer = await Api.GetAsync("/explorer/");
        if (!explorer.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET /explorer/ answered {(int)explorer.StatusCode}: {await explorer.Content.ReadAsStringAsync()}");
    }

    private async Task<OpenLedgerServices> AsAsync(int index)
    {
        if (_clients.TryGetValue(index, out var services)) return services;
        var client = await EthereumClient.ConnectAsync(Rpc, Account(index), OpenLedgerContracts.RevertDecoder);
        return _clients[index] = Deployment.Connect(client);
    }

    private async Task SeedAsync()
    {
        var owner = await AsAsync(0);
        await owner.Token.ApproveAsync(Deployment.RewardDistributor.Address, 10_000 * Ether);
        await owner.Token.ApproveAsync(Deployment.ModelShares.Address, 10_000 * Ether);
        // Model 1: 10% of revenue to the owner, 20% to the reward pool, 70% to share holders.
        await owner.Registry.CreateModelAsync("ipfs://explorer/model-1", new Policy(0, 0, 0, 1000, 2000, false, 0));
        foreach (var (name, who) in new[] { ("ana", Ana), ("ben", Ben), ("eli", Eli) }) await RegisterAsync(1, name, who);
        await owner.Distributor.FundRewardPoolAsync(1, 1000 * Ether);
        await PostEpochOneAsync(1, new() { ["ana"] = 0.3, ["ben"] = 0.1, ["eli"] = -0.05 }, 900 * Ether, 1000 * BigInteger.One);
        // The owner, as validator, flags eli's contribution after the epoch: its page shows the reason.
        await owner.Registry.SetValidatorAsync(1, Account(0).Address, true);
        await owner.Registry.FlagAsync(1, Content["eli"], "labels look shifted");
        // Model 2 exists now; its epoch is posted after the time moves, so it is still in its challenge window.
        await owner.Registry.CreateModelAsync("ipfs://explorer/model-2", new Policy(0, 0, 0, 500, 500, false, 0));
        // Model 3 takes bonds locked for an hour: ben's is posted before the time moves (withdrawable after), eli's after.
        await owner.Registry.CreateModelAsync("ipfs://explorer/model-3", new Policy(Ether, 3600, 0, 1000, 2000, false, 0));
        foreach (var who in new[] { Ben, Eli })
        {
            await owner.Token.TransferAsync(Account(who).Address, 10 * Ether);
            await (await AsAsync(who)).Token.ApproveAsync(Deployment.ContributionRegistry.Address, 10 * Ether);
        }
        await RegisterAsync(3, "ben-3", Ben, 2 * Ether);
        await Rpc.IncreaseTimeAsync(Math.Max(await Reads.Distributor.ChallengeWindowAsync(), 3600UL) + 1);
        await Rpc.MineAsync();
        await RegisterAsync(3, "eli-3", Eli, 2 * Ether);
        await RegisterAsync(2, "ana-2", Ana);
        await owner.Distributor.FundRewardPoolAsync(2, 100 * Ether);
        await PostEpochOneAsync(2, new() { ["ana-2"] = 0.2 }, 50 * Ether, 100 * BigInteger.One);
        await WaitForIndexAsync();
    }

    private async Task RegisterAsync(long modelId, string name, int who, BigInteger bond = default)
    {
        Content[name] = Keccak.Hash($"explorer-test-content-{name}");
        await (await AsAsync(who)).Registry.RegisterAsync(modelId, new Entry(Content[name], Kind.Data, bond, $"ipfs://explorer/{name}"));
    }

    /// <summary>Seals epoch 1 and hands the node a report valuing each named contribution; the node posts the epoch.</summary>
    private async Task PostEpochOneAsync(long modelId, Dictionary<string, double> values, BigInteger open, BigInteger shares)
    {
        var testSet = Keccak.Hash($"explorer-test-set-{modelId}");
        await (await AsAsync(0)).Distributor.CommitEvaluationSetAsync(modelId, 1, testSet);
        await WaitForIndexAsync();
        var entries = new JsonArray();
        var scores = new JsonArray();
        foreach (var (name, value) in values)
        {
            var c = await GetJsonAsync($"/models/{modelId}/contributions/by-hash/{Content[name]}");
            var id = BigInteger.Parse("0" + c["id"]!.GetValue<string>()[2..], System.Globalization.NumberStyles.HexNumber).ToString();
            entries.Add(new JsonObject
            {
                ["id"] = id, ["contributor"] = c["contributor"]!.GetValue<string>(), ["contentHash"] = c["contentHash"]!.GetValue<string>(),
                ["registeredAtBlock"] = c["registeredBlock"]!.GetValue<long>(), ["logIndex"] = c["logIndex"]!.GetValue<int>(), ["status"] = "active",
            });
            scores.Add(new JsonObject { ["id"] = id, ["value"] = value });
        }
        var report = new JsonObject
        {
            ["schema"] = "openledger.performance-report/v1", ["modelId"] = modelId.ToString(), ["epoch"] = 1,
            ["evaluation"] = new JsonObject { ["metric"] = "accuracy", ["score"] = 0.91, ["baseline"] = 0.5, ["testSetHash"] = testSet.ToString() },
            ["contributions"] = entries,
            ["attribution"] = new JsonObject { ["method"] = "scores", ["parameters"] = new JsonObject(), ["evidence"] = new JsonObject { ["scores"] = scores } },
            ["rewards"] = new JsonObject { ["open"] = open.ToString(), ["shares"] = shares.ToString() },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/reports") { Content = new StringContent(report.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", Token);
        using var response = await Api.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != 201) throw new InvalidOperationException($"POST /reports for model {modelId} answered {(int)response.StatusCode}: {body}");
    }

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await Api.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>Waits (bounded) until the node has indexed the chain's head.</summary>
    public async Task WaitForIndexAsync()
    {
        var head = (long)await Rpc.GetBlockNumberAsync();
        for (var i = 0; i < 600; i++)
        {
            if ((await GetJsonAsync("/status"))["cursor"]?.GetValue<long>() >= head) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"the node did not index block {head} within 60 s");
    }

    /// <summary>Has account 0 pay revenue for a model, so its share holders have something to withdraw.</summary>
    public async Task DepositRevenueAsync(long modelId, BigInteger amount)
    {
        await (await AsAsync(0)).Shares.DepositRevenueAsync(modelId, amount);
        await WaitForIndexAsync();
    }

    /// <summary>A page at `size` on the explorer route `route` (the part after #), loaded, with the test wallet of `wallet` installed.</summary>
    public async Task<IPage> OpenAsync(string route, (int Width, int Height) size, int? wallet = null)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = size.Width, Height = size.Height } });
        if (wallet is { } index)
        {
            var provider = new TestWallet(Chain.Url, Account(index), HardhatNode.ChainId);
            await context.ExposeFunctionAsync<string, Task<string>>("__openledgerTestWallet", provider.HandleAsync);
            await context.AddInitScriptAsync(TestWallet.InitScript);
        }
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{NodeUrl}explorer/#{route}");
        await Loaded(page);
        return page;
    }

    /// <summary>Waits until the page has drawn its current route (main is no longer busy).</summary>
    public static async Task Loaded(IPage page) =>
        await page.Locator("main[aria-busy='false']").WaitForAsync(new() { Timeout = 30_000 });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        Api?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Chain?.Dispose();
        Directory.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ExplorerChainCollection : ICollectionFixture<ExplorerChain>
{
    public const string Name = "explorer chain";
}

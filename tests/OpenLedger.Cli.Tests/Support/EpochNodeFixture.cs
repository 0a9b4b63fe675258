using System.Numerics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenLedger.Contracts;
using OpenLedger.Contracts.Client;
using OpenLedger.Contracts.Registry;
using OpenLedger.Ethereum.Accounts;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Ethereum.Sending;
using OpenLedger.Indexer.Store;
using OpenLedger.Indexer.Store.Views;
using OpenLedger.Node;
using OpenLedger.TestSupport;

namespace OpenLedger.Cli.Tests.Support;

/// <summary>
/// A Hardhat chain with OpenLedger deployed (reporter role: account 8) and the node host running in-process with
/// the epoch submitter on: report token <see cref="Token"/>, reporter key in an encrypted keystore. `node run` has no
/// options for the Epochs settings, so this host is built the way `node run` builds its own, plus those settings.
/// </summary>
public sealed class EpochNodeFixture : IAsyncLifetime
{
    public const string Token = "cli-report-token-4e7c1a";
    public const int ReporterIndex = 8;
    private const string ReporterPassword = "reporter-pw-91bd";

    private readonly Dictionary<int, OpenLedgerServices> _clients = [];
    private WebApplication? _node;
    private int _content;

    public HardhatNode Chain { get; private set; } = null!;
    public TempDirectory Directory { get; } = new();
    public string DeploymentFile { get; private set; } = "";
    public Uri NodeUrl { get; private set; } = null!;
    public JsonRpcClient Rpc { get; private set; } = null!;
    public OpenLedgerServices Reads { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Chain = new HardhatNode();
        DeploymentFile = OpenLedgerDeployer.Deploy(Chain.Url, Directory.File("deployment.json"), CliRunner.Account(ReporterIndex).Address.ToString());
        Rpc = new JsonRpcClient(new HttpClient(), Chain.Url);
        Reads = OpenLedgerDeployment.Load(DeploymentFile).Connect(Rpc);
        var keystore = Directory.File("reporter.json");
        await File.WriteAllTextAsync(keystore, CliRunner.Account(ReporterIndex).ToKeystore(ReporterPassword, new KeystoreOptions { ScryptN = 1024 }));

        NodeUrl = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = NodeUrl.ToString().TrimEnd('/'),
            ["Indexer:RpcUrl"] = Chain.Url.ToString(),
            ["Indexer:ChainId"] = "31337",
            ["Indexer:DeploymentFile"] = DeploymentFile,
            ["Indexer:DatabasePath"] = Directory.File("index.db"),
            ["Indexer:PollingInterval"] = "00:00:00.050",
            ["Epochs:ApiToken"] = Token,
            ["Epochs:ReporterKeystore"] = keystore,
            ["Epochs:ReporterPassword"] = ReporterPassword,
            ["Epochs:DataDirectory"] = Directory.File("epochs"),
            ["Epochs:PublicBaseUrl"] = NodeUrl.ToString().TrimEnd('/'),
        });
        builder.AddOpenLedgerNode();
        _node = builder.Build();
        _node.MapOpenLedgerNode();
        await _node.StartAsync();
    }

    public string[] Args(params string[] args) =>
        [.. args, "--rpc", Chain.Url.ToString(), "--deployment", DeploymentFile, "--node", NodeUrl.ToString()];

    public Task<CliRun> RunAsync(IReadOnlyDictionary<string, string> env, params string[] args) =>
        CliRunner.RunAsync(Args(args), env, extraSecrets: [Token, ReporterPassword]);

    public async Task<OpenLedgerServices> AsAsync(int index)
    {
        if (_clients.TryGetValue(index, out var services)) return services;
        var client = await EthereumClient.ConnectAsync(Rpc, CliRunner.Account(index), OpenLedgerContracts.RevertDecoder);
        return _clients[index] = OpenLedgerDeployment.Load(DeploymentFile).Connect(client);
    }

    /// <summary>
    /// A model owned by account 0 with one contribution per contributor, a funded reward pool and epoch 1's evaluation set
    /// sealed (<see cref="Reports.TestSetHash"/>); waits for the index.
    /// </summary>
    public async Task<long> NewModelAsync(int[] contributors, BigInteger pool)
    {
        var admin = await AsAsync(0);
        await admin.Registry.CreateModelAsync("ipfs://model", new Policy(0, 0, 0, 0, 0, false, 0));
        var modelId = (long)await Reads.Registry.ModelCountAsync();
        foreach (var c in contributors)
            await (await AsAsync(c)).Registry.RegisterAsync(modelId, new Entry(Keccak.Hash($"cli-epoch-content-{++_content}"), Kind.Data, 0, "ipfs://c"));
        await admin.Token.ApproveAsync(OpenLedgerDeployment.Load(DeploymentFile).RewardDistributor.Address, pool);
        await admin.Distributor.FundRewardPoolAsync(modelId, pool);
        await admin.Distributor.CommitEvaluationSetAsync(modelId, 1, Reports.TestSetHash(modelId, 1));
        await WaitForIndexAsync();
        return modelId;
    }

    public async Task<IReadOnlyList<ContributionView>> ContributionsAsync(long modelId) =>
        await _node!.Services.GetRequiredService<IIndexReader>().ListContributionsAsync(new ContributionQuery(ModelId: modelId, Limit: 1000), CancellationToken.None);

    /// <summary>Waits (bounded) until the index has reached the chain head.</summary>
    public async Task WaitForIndexAsync()
    {
        var head = (long)await Rpc.GetBlockNumberAsync();
        var reader = _node!.Services.GetRequiredService<IIndexReader>();
        for (var i = 0; i < 1200; i++)
        {
            if ((await reader.GetCursorAsync(CancellationToken.None))?.Number >= head) return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"the indexer did not reach block {head} within 60 s");
    }


    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.StopAsync();
            await _node.DisposeAsync();
        }
        Chain?.Dispose();
        Directory.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class EpochNodeCollection : ICollectionFixture<EpochNodeFixture>
{
    public const string Name = "epoch node";
}

using System.Numerics;
using OpenLedger.Contracts;
using OpenLedger.Contracts.Client;
using OpenLedger.Contracts.Registry;
using OpenLedger.Ethereum.Accounts;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Ethereum.Sending;
using OpenLedger.TestSupport;

namespace OpenLedger.Cli.Tests.Support;

/// <summary>
/// A Hardhat chain with OpenLedger deployed (reporter role: the deployer, account 0) and the node started through
/// `openledger node run` with every Epochs option: reporter keystore and report token from environment variables,
/// an inbox, a public URL and an epochs directory of this fixture's own.
/// </summary>
public sealed class NodeRunFixture : IAsyncLifetime
{
    public const string TokenVar = "OL_TEST_NODE_TOKEN";
    public const string Token = "node-run-token-0b5f7e";
    public const string ReporterPasswordVar = "OL_TEST_REPORTER_PASSWORD";
    public const string ReporterPassword = "reporter-pw-3ac2";
    public static readonly BigInteger Ether = BigInteger.Pow(10, 18);

    private readonly NodeRunProcess _node = new();
    private readonly Dictionary<int, OpenLedgerServices> _clients = [];

    public HardhatNode Chain { get; private set; } = null!;
    public TempDirectory Directory { get; } = new();
    public string DeploymentFile { get; private set; } = "";
    public Uri NodeUrl => _node.Url;
    public string PublicUrl => "https://ledger.example.org";
    public JsonRpcClient Rpc { get; private set; } = null!;
    public OpenLedgerServices Reads { get; private set; } = null!;
    public string ReporterKeystore => Directory.File("reporter.json");
    public string Inbox => Directory.File("inbox");
    public string EpochsDirectory => Directory.File("epochs-store");

    public async Task InitializeAsync()
    {
        Chain = new HardhatNode();
        DeploymentFile = OpenLedgerDeployer.Deploy(Chain.Url, Directory.File("deployment.json"));
        Rpc = new JsonRpcClient(new HttpClient(), Chain.Url);
        Reads = OpenLedgerDeployment.Load(DeploymentFile).Connect(Rpc);
        await File.WriteAllTextAsync(ReporterKeystore, CliRunner.Account(0).ToKeystore(ReporterPassword, new KeystoreOptions { ScryptN = 1024 }));

        await _node.StartAsync((url, stop) => CliRunner.RunAsync(Args("node", "run", "--urls", url, "--database", Directory.File("index.db"),
                "--reporter-keystore", ReporterKeystore, "--reporter-password-env", ReporterPasswordVar, "--api-token-env", TokenVar,
                "--inbox", Inbox, "--public-url", PublicUrl, "--epochs-dir", EpochsDirectory),
            Environment(), extraSecrets: [Token, ReporterPassword], ct: stop));
    }

    /// <summary>The base environment plus the report token and the reporter's password.</summary>
    public static Dictionary<string, string> Environment()
    {
        var env = CliRunner.BaseEnvironment();
        env[TokenVar] = Token;
        env[ReporterPasswordVar] = ReporterPassword;
        return env;
    }

    public string[] Args(params string[] args) =>
        [.. args, "--rpc", Chain.Url.ToString(), "--deployment", DeploymentFile, "--node", NodeUrl?.ToString() ?? "http://127.0.0.1:1"];

    public Task<CliRun> RunAsync(params string[] args) => RunAsync(Environment(), args);

    public Task<CliRun> RunAsync(IReadOnlyDictionary<string, string> env, params string[] args) =>
        CliRunner.RunAsync(Args(args), env, extraSecrets: [Token, ReporterPassword]);

    public async Task<OpenLedgerServices> AsAsync(int index)
    {
        if (_clients.TryGetValue(index, out var services)) return services;
        var client = await EthereumClient.ConnectAsync(Rpc, CliRunner.Account(index), OpenLedgerContracts.RevertDecoder);
        return _clients[index] = OpenLedgerDeployment.Load(DeploymentFile).Connect(client);
    }

    /// <summary>
    /// A model owned by account 0, contribution i registered by account i + 1 with content hash i, a funded reward pool and
    /// (unless <paramref name="sealEpochOne"/> is false) epoch 1's evaluation set sealed as <see cref="Reports.TestSetHash"/>; waits for the index.
    /// </summary>
    public async Task<long> NewModelAsync(IReadOnlyList<Hash32> contents, BigInteger pool, bool sealEpochOne = true)
    {
        var admin = await AsAsync(0);
        await admin.Registry.CreateModelAsync("ipfs://knn-model", new Policy(0, 0, 0, 0, 0, false, 0));
        var modelId = (long)await Reads.Registry.ModelCountAsync();
        for (var i = 0; i < contents.Count; i++)
            await (await AsAsync(i + 1)).Registry.RegisterAsync(modelId, new Entry(contents[i], Kind.Data, 0, $"ipfs://shard-{i}"));
        if (!pool.IsZero)
        {
            await admin.Token.ApproveAsync(OpenLedgerDeployment.Load(DeploymentFile).RewardDistributor.Address, pool);
            await admin.Distributor.FundRewardPoolAsync(modelId, pool);
        }
        if (sealEpochOne) await admin.Distributor.CommitEvaluationSetAsync(modelId, 1, Reports.TestSetHash(modelId, 1));
        await WaitForIndexAsync();
        return modelId;
    }

    /// <summary>Waits (bounded) until the node's index has caught up with the chain head.</summary>
    public Task WaitForIndexAsync() => _node.WaitForIndexAsync(Rpc);

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        Chain?.Dispose();
        Directory.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class NodeRunCollection : ICollectionFixture<NodeRunFixture>
{
    public const string Name = "node run with epochs";
}

using System.Numerics;
using OpenLedger.Contracts.Client;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Ethereum.Sending;
using OpenLedger.TestSupport;

namespace OpenLedger.Cli.Tests.Support;

/// <summary>
/// A Hardhat node with OpenLedger deployed by scripts/deploy.js, accounts 1-5 funded with OPEN by the deployer, and
/// the node host started through `openledger node run` (relay on, relayer = account 9's key imported into a keystore).
/// </summary>
public sealed class ChainFixture : IAsyncLifetime
{
    public const int RelayerIndex = 9;
    public static readonly BigInteger Funding = BigInteger.Pow(10, 18) * 1000;

    private readonly CancellationTokenSource _stopNode = new();
    private Task<CliRun>? _node;

    public HardhatNode Chain { get; private set; } = null!;
    public TempDirectory Directory { get; } = new();
    public string DeploymentFile { get; private set; } = "";
    public Uri NodeUrl { get; private set; } = null!;
    public JsonRpcClient Rpc { get; private set; } = null!;
    public string RelayKeystore => Directory.File("relayer.json");

    public async Task InitializeAsync()
    {
        Chain = new HardhatNode();
        DeploymentFile = OpenLedgerDeployer.Deploy(Chain.Url, Directory.File("deployment.json"));
        Rpc = new JsonRpcClient(new HttpClient(), Chain.Url);
        var deployer = await EthereumClient.ConnectAsync(Rpc, CliRunner.Account(0));
        var token = OpenLedgerDeployment.Load(DeploymentFile).Connect(deployer).Token;
        for (var i = 1; i <= 5; i++) await token.TransferAsync(CliRunner.Account(i).Address, Funding);

        var env = CliRunner.BaseEnvironment();
        env["OL_RELAYER_KEY"] = CliRunner.Account(RelayerIndex).PrivateKeyHex;
        var import = await CliRunner.RunAsync(["wallet", "import", "--keystore", RelayKeystore, "--from-env", "OL_RELAYER_KEY", "--password-env", CliRunner.PasswordVar, "--light-kdf"], env);
        if (import.ExitCode != 0) throw new InvalidOperationException($"relayer import failed: {import}");

        NodeUrl = new Uri($"http://127.0.0.1:{NodeWaits.FreePort()}");
        _node = CliRunner.RunAsync(Args("node", "run", "--urls", NodeUrl.ToString().TrimEnd('/'), "--database", Directory.File("index.db"),
            "--relay-keystore", RelayKeystore, "--relay-password-env", CliRunner.PasswordVar), ct: _stopNode.Token);
        await WaitForNodeAsync();
    }

    /// <summary>The args plus --rpc, --deployment and --node of this fixture.</summary>
    public string[] Args(params string[] args) =>
        [.. args, "--rpc", Chain.Url.ToString(), "--deployment", DeploymentFile, "--node", NodeUrl?.ToString() ?? "http://127.0.0.1:1"];

    public Task<CliRun> RunAsync(params string[] args) => CliRunner.RunAsync(Args(args));

    public Task<CliRun> RunAsync(IReadOnlyDictionary<string, string> env, params string[] args) => CliRunner.RunAsync(Args(args), env);

    /// <summary>Signer options for Hardhat account <paramref name="index"/> via the mnemonic in the environment.</summary>
    public static string[] Signer(int index) => ["--mnemonic-env", CliRunner.MnemonicVar, "--index", index.ToString()];

    /// <summary>Waits (bounded) until the node's index has caught up with the chain head.</summary>
    public Task WaitForIndexAsync() => NodeWaits.ForIndexAsync(Rpc, NodeUrl);

    private Task WaitForNodeAsync() => NodeWaits.ForNodeAsync(_node!, NodeUrl);

    public async Task DisposeAsync()
    {
        _stopNode.Cancel();
        if (_node is not null)
        {
            var run = await _node;
            Assert.True(run.ExitCode == 0, $"node run ended badly: {run}");
        }
        Chain?.Dispose();
        Directory.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ChainCollection : ICollectionFixture<ChainFixture>
{
    public const string Name = "chain";
}

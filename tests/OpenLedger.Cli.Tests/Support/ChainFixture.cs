using System.Numerics;
using OpenLedger.Contracts.Client;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Ethereum.Sending;
using OpenLedger.TestSupport;

namespace OpenLedger.Cli.Tests.Support;

/// <summary>
/// A Hardhat node with OpenLedger deployed by scripts/deploy.js, accounts 1-5 funded with OPEN by the deployer, and
/// the node host started through `openledger node run` (relay on, zero-bond registrations relayed, relayer = account 9's key imported into a keystore).
/// </summary>
public sealed class ChainFixture : IAsyncLifetime
{
    public const int RelayerIndex = 9;
    public static readonly BigInteger Funding = BigInteger.Pow(10, 18) * 1000;

    private readonly NodeRunProcess _node = new();

    public HardhatNode Chain { get; private set; } = null!;
    public TempDirectory Directory { get; } = new();
    public string DeploymentFile { get; private set; } = "";
    public Uri NodeUrl => _node.Url;
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

        await _node.StartAsync((url, stop) => CliRunner.RunAsync(Args("node", "run", "--urls", url, "--database", Directory.File("index.db"),
            "--relay-keystore", RelayKeystore, "--relay-password-env", CliRunner.PasswordVar, "--relay-zero-bond", "relay"), ct: stop));
    }

    /// <summary>The args plus --rpc, --deployment and --node of this fixture.</summary>
    public string[] Args(params string[] args) =>
        [.. args, "--rpc", Chain.Url.ToString(), "--deployment", DeploymentFile, "--node", NodeUrl?.ToString() ?? "http://127.0.0.1:1"];

    public Task<CliRun> RunAsync(params string[] args) => CliRunner.RunAsync(Args(args));

    public Task<CliRun> RunAsync(IReadOnlyDictionary<string, string> env, params string[] args) => CliRunner.RunAsync(Args(args), env);

    /// <summary>Signer options for Hardhat account <paramref name="index"/> via the mnemonic in the environment.</summary>
    public static string[] Signer(int index) => ["--mnemonic-env", CliRunner.MnemonicVar, "--index", index.ToString()];

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
public sealed class ChainCollection : ICollectionFixture<ChainFixture>
{
    public const string Name = "chain";
}

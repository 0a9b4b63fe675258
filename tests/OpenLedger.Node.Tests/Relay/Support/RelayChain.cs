using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Contracts;
using OpenLedger.Contracts.Client;
using OpenLedger.Contracts.Registry;
using OpenLedger.Ethereum.Accounts;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Ethereum.Sending;
using OpenLedger.Node.Relay;
using OpenLedger.Node.Tests.Support;
using OpenLedger.TestSupport;

namespace OpenLedger.Node.Tests.Relay.Support;

/// <summary>
/// A Hardhat chain with OpenLedger deployed by scripts/deploy.js and the relayer's keystore (Hardhat account 9). Each
/// test starts its own node host with <see cref="StartAsync"/> and the relay settings it tests, and makes its own models,
/// so no test depends on another's rate limits, budgets or registrations.
/// </summary>
public sealed class RelayChain : IAsyncLifetime
{
    public const string Password = "relayer-pw-3c1d";
    public const int RelayerIndex = 9;
    public static readonly BigInteger Open = BigInteger.Pow(10, 18);

    private readonly Dictionary<int, OpenLedgerServices> _clients = [];
    private int _nodes;

    public HardhatNode Chain { get; private set; } = null!;
    public TempDirectory Directory { get; } = new();
    public JsonRpcClient Rpc { get; private set; } = null!;
    public HdWallet Wallet { get; } = new(HardhatNode.DefaultMnemonic);
    public Address Relayer => Wallet.GetAccount(RelayerIndex).Address;
    public OpenLedgerDeployment Deployment { get; private set; } = null!;
    public string DeploymentFile { get; private set; } = "";
    public string Keystore => Directory.File("relayer.json");

    public async Task InitializeAsync()
    {
        Chain = new HardhatNode();
        DeploymentFile = OpenLedgerDeployer.Deploy(Chain.Url, Directory.File("deployment.json"));
        Deployment = OpenLedgerDeployment.Load(DeploymentFile);
        Rpc = new JsonRpcClient(new HttpClient(), Chain.Url);
        await File.WriteAllTextAsync(Keystore, Wallet.GetAccount(RelayerIndex).ToKeystore(Password, new KeystoreOptions { ScryptN = 1024 }));
    }

    /// <summary>
    /// The node host with the relay on, <paramref name="relay"/> added to (or overriding) the Relay section and
    /// <paramref name="other"/> to any other (full keys, e.g. a shared Indexer:DatabasePath).
    /// </summary>
    public NodeFactory Node(IReadOnlyDictionary<string, string>? relay = null, IReadOnlyDictionary<string, string>? other = null)
    {
        var settings = NodeFactory.Settings(Chain.Url, DeploymentFile, Directory.File($"index-{Interlocked.Increment(ref _nodes)}.db"));
        settings["Relay:KeystorePath"] = Keystore;
        settings["Relay:KeystorePassword"] = Password;
        foreach (var (key, value) in relay ?? new Dictionary<string, string>()) settings[$"Relay:{key}"] = value;
        foreach (var (key, value) in other ?? new Dictionary<string, string>()) settings[key] = value;
        return new NodeFactory(settings);
    }

    /// <summary>Typed contracts signing as Hardhat account <paramref name="index"/> (one client per account, so nonces stay in order).</summary>
    public async Task<OpenLedgerServices> AsAsync(int index)
    {
        if (_clients.TryGetValue(index, out var services)) return services;
        var client = await EthereumClient.ConnectAsync(Rpc, Wallet.GetAccount(index), OpenLedgerContracts.RevertDecoder);
        return _clients[index] = Deployment.Connect(client);
    }

    /// <summary>A model owned by account 0 with the given minimum bond; returns its id.</summary>
    public async Task<BigInteger> NewModelAsync(BigInteger? minBond = null)
    {
        var admin = await AsAsync(0);
        await admin.Registry.CreateModelAsync("ipfs://relay-model", new Policy(minBond ?? 0, 0, 0, 0, 0, false, 0));
        return await Deployment.Connect(Rpc).Registry.ModelCountAsync();
    }

    /// <summary>Gives Hardhat account <paramref name="index"/> (1-8: it holds ETH) 100 OPEN and lets the registry pull them.</summary>
    public async Task<Account> BondedContributorAsync(int index)
    {
        var account = Wallet.GetAccount(index);
        await (await AsAsync(0)).Token.TransferAsync(account.Address, 100 * Open);
        await (await AsAsync(index)).Token.ApproveAsync(Deployment.ContributionRegistry.Address, 100 * Open);
        return account;
    }

    /// <summary>A signed registration of fresh content by <paramref name="contributor"/>, as the relay's JSON body.</summary>
    public async Task<JsonObject> SignedBodyAsync(Account contributor, BigInteger model, BigInteger? bond = null, string uri = "ipfs://relayed",
        BigInteger? nonce = null, Hash32? content = null, Account? signer = null)
    {
        var registry = Deployment.Connect(Rpc).Registry;
        var now = (await Rpc.GetBlockByNumberAsync(BlockTag.Latest))!.Timestamp;
        var message = new RegisterMessage(contributor.Address, model, content ?? Keccak.Hash(Guid.NewGuid().ToString()), 0, uri, bond ?? Open,
            nonce ?? await registry.NoncesAsync(contributor.Address), now + 600);
        var signature = (signer ?? contributor).SignTypedData(message.ToTypedData(Deployment.ChainId, Deployment.ContributionRegistry.Address));
        return new JsonObject
        {
            ["modelId"] = model.ToString(), ["contentHash"] = message.ContentHash.ToString(), ["kind"] = 0, ["uri"] = uri,
            ["bond"] = message.Bond.ToString(), ["contributor"] = contributor.Address.ToString(), ["nonce"] = message.Nonce.ToString(),
            ["deadline"] = message.Deadline.ToString(), ["signature"] = signature.ToHex(),
        };
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(HttpClient client, JsonObject body)
    {
        using var response = await client.PostAsJsonAsync("/relay/register", body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>The relayer's sent transactions (its nonce) and its ETH balance: what it has paid.</summary>
    public async Task<(ulong Transactions, BigInteger Balance)> RelayerAsync() =>
        (await Rpc.GetTransactionCountAsync(Relayer, BlockTag.Latest), await Rpc.GetBalanceAsync(Relayer, BlockTag.Latest));

    /// <summary>
    /// What the relayer's transactions in the blocks after <paramref name="fromBlock"/> cost: their count, gas used and
    /// wei paid (gas used × effective gas price), and how many reverted.
    /// </summary>
    public async Task<(int Transactions, BigInteger Gas, BigInteger Wei, int Reverted)> RelayerSpendAfterAsync(ulong fromBlock)
    {
        var (count, reverted) = (0, 0);
        BigInteger gas = 0, wei = 0;
        var head = await Rpc.GetBlockNumberAsync();
        for (var block = fromBlock + 1; block <= head; block++)
        {
            var full = await Rpc.SendAsync("eth_getBlockByNumber", [HexQuantity.Encode(block), true]);
            foreach (var tx in full.GetProperty("transactions").EnumerateArray())
            {
                if (!string.Equals(tx.GetProperty("from").GetString(), Relayer.ToString(), StringComparison.OrdinalIgnoreCase)) continue;
                var receipt = (await Rpc.GetTransactionReceiptAsync(Hash32.Parse(tx.GetProperty("hash").GetString()!)))!;
                count++;
                if (!receipt.Succeeded) reverted++;
                gas += receipt.GasUsed;
                wei += receipt.GasUsed * receipt.EffectiveGasPrice;
            }
        }
        return (count, gas, wei, reverted);
    }

    public async Task DisposeAsync()
    {
        Chain?.Dispose();
        Directory.Dispose();
        await Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class RelayChainCollection : ICollectionFixture<RelayChain>
{
    public const string Name = "relay chain";
}

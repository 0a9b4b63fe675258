using Microsoft.Extensions.DependencyInjection;
using System.Numerics;
using OpenLedger.Contracts;
using OpenLedger.Contracts.Client;
using OpenLedger.Contracts.Registry;
using OpenLedger.Ethereum.Accounts;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Ethereum.Sending;
using OpenLedger.Indexer.Store;
using OpenLedger.Indexer.Store.Views;
using OpenLedger.Node.Epochs;
using OpenLedger.Node.Tests.Support;
using OpenLedger.TestSupport;

namespace OpenLedger.Node.Tests.Epochs.Support;

/// <summary>
/// A Hardhat chain with OpenLedger deployed by scripts/deploy.js (reporter role: Hardhat account 1, whose key the
/// node reads from an encrypted keystore) and the node host indexing it with the epoch submitter on. Each test makes
/// its own model with <see cref="NewModelAsync"/>, so tests do not depend on each other's epochs.
/// </summary>
public sealed class EpochChain : IAsyncLifetime
{
    public const string Password = "pw-7f3a9c1e-never-in-logs";
    public const string Token = "report-token-5d2b8e";
    public static readonly BigInteger Ether = BigInteger.Pow(10, 18);

    private readonly Dictionary<int, OpenLedgerServices> _clients = [];
    private int _contentCounter;

    public HardhatNode Chain { get; private set; } = null!;
    public TempDirectory Directory { get; } = new();
    public LogCapture Logs { get; } = new();
    public EpochNodeFactory Factory { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public JsonRpcClient Rpc { get; private set; } = null!;
    public HdWallet Wallet { get; } = new(HardhatNode.DefaultMnemonic);
    public Account Reporter => Wallet.GetAccount(1);
    public OpenLedgerDeployment Deployment { get; private set; } = null!;
    public OpenLedgerServices Reads { get; private set; } = null!;
    public string Inbox => Directory.File("inbox");
    public IReadOnlyDictionary<string, string> Settings { get; private set; } = new Dictionary<string, string>();
    public string DataDirectory => Directory.File("epochs");

    public async Task InitializeAsync()
    {
        Chain = new HardhatNode();
        var deploymentFile = OpenLedgerDeployer.Deploy(Chain.Url, Path.Combine(Directory.Path, "deployment.json"), Reporter.Address.ToString());
        Deployment = OpenLedgerDeployment.Load(deploymentFile);
        Rpc = new JsonRpcClient(new HttpClient(), Chain.Url);
        Reads = Deployment.Connect(Rpc);
        var keystore = Directory.File("reporter.json");
        await File.WriteAllTextAsync(keystore, Reporter.ToKeystore(Password, new KeystoreOptions { ScryptN = 1024 }));
        var settings = NodeFactory.Settings(Chain.Url, deploymentFile, Directory.File("index.db"));
        settings["Epochs:ApiToken"] = Token;
        settings["Epochs:ReporterKeystore"] = keystore;
        settings["Epochs:ReporterPassword"] = Password;
        settings["Epochs:InboxPath"] = Inbox;
        settings["Epochs:InboxPollingInterval"] = "00:00:00.050";
        settings["Epochs:DataDirectory"] = DataDirectory;
        settings["Epochs:PublicBaseUrl"] = "http://node.test:5080";
        settings["Epochs:MaxReportBytes"] = (256 * 1024).ToString();
        Settings = settings;
        Factory = new EpochNodeFactory(settings, Logs);
        Client = Factory.CreateClient();
    }

    public T Service<T>() where T : notnull => Factory.Services.GetRequiredService<T>();

    /// <summary>Typed contracts signing as Hardhat account <paramref name="index"/> (one client per account, so nonces stay in order).</summary>
    public async Task<OpenLedgerServices> AsAsync(int index)
    {
        if (_clients.TryGetValue(index, out var services)) return services;
        var client = await EthereumClient.ConnectAsync(Rpc, Wallet.GetAccount(index), OpenLedgerContracts.RevertDecoder);
        return _clients[index] = Deployment.Connect(client);
    }

    /// <summary>
    /// Creates a model owned by account 0, registers one contribution for each of <paramref name="contributors"/>
    /// (Hardhat account indexes), funds its reward pool with <paramref name="pool"/>, seals epoch 1's evaluation set
    /// (the test set hash <see cref="ReportJson.Build"/> writes; unless <paramref name="sealEpochOne"/> is false) and
    /// waits for the index.
    /// </summary>
    public async Task<long> NewModelAsync(int[] contributors, BigInteger pool, bool sealEpochOne = true)
    {
        var admin = await AsAsync(0);
        await admin.Registry.CreateModelAsync("ipfs://model", new Policy(0, 0, 0, 0, 0, false, 0));
        var modelId = (long)await Reads.Registry.ModelCountAsync();
        foreach (var c in contributors) await RegisterAsync(modelId, c, NextContent());
        if (!pool.IsZero)
        {
            await admin.Token.ApproveAsync(Deployment.RewardDistributor.Address, pool);
            await admin.Distributor.FundRewardPoolAsync(modelId, pool);
        }
        if (sealEpochOne) await SealAsync(modelId, 1);
        await WaitForIndexAsync();
        return modelId;
    }

    /// <summary>The model owner (account 0) commits the epoch's test set hash, <see cref="ReportJson.TestSetHash"/> unless given.</summary>
    public async Task<TransactionReceipt> SealAsync(long modelId, long epoch, Hash32? testSetHash = null) =>
        await (await AsAsync(0)).Distributor.CommitEvaluationSetAsync(modelId, epoch, testSetHash ?? ReportJson.TestSetHash(modelId, epoch));

    public Hash32 NextContent() => Keccak.Hash($"epochs-test-content-{Interlocked.Increment(ref _contentCounter)}");

    public async Task RegisterAsync(long modelId, int contributor, Hash32 content) =>
        await (await AsAsync(contributor)).Registry.RegisterAsync(modelId, new Entry(content, Kind.Data, 0, "ipfs://c"));

    /// <summary>Account 0 (the model owner) makes itself validator, flags and slashes (dispute window 0).</summary>
    public async Task SlashAsync(long modelId, Hash32 content)
    {
        var admin = await AsAsync(0);
        await admin.Registry.SetValidatorAsync(modelId, Wallet.GetAccount(0).Address, true);
        await admin.Registry.FlagAsync(modelId, content, "bad data");
        await admin.Registry.SlashAsync(modelId, content);
        await WaitForIndexAsync();
    }

    public async Task<IReadOnlyList<ContributionView>> ContributionsAsync(long modelId) =>
        await Service<IIndexReader>().ListContributionsAsync(new ContributionQuery(ModelId: modelId, Limit: 1000), CancellationToken.None);

    public async Task<BigInteger> LastEpochAsync(long modelId) => await Reads.Distributor.LastEpochAsync(modelId);

    /// <summary>Waits (bounded) until the index has reached the chain head.</summary>
    public async Task WaitForIndexAsync()
    {
        var head = (long)await Rpc.GetBlockNumberAsync();
        var reader = Service<IIndexReader>();
        for (var i = 0; i < 1200; i++)
        {
            if ((await reader.GetCursorAsync(CancellationToken.None))?.Number >= head) return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"the indexer did not reach block {head} within 60 s");
    }

    public async Task<HttpResponseMessage> PostReportAsync(byte[] report, string? token = Token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/reports") { Content = new ByteArrayContent(report) };
        request.Content.Headers.ContentType = new("application/json");
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        return await Client.SendAsync(request);
    }

    public EpochSubmitter Submitter => Service<EpochSubmitter>();

    /// <summary>
    /// Moves time past the challenge window, then claims every leaf of <paramref name="accounts"/> on chain (sent by
    /// account 9) with the proof the node serves, checking each payout; returns the totals paid.
    /// </summary>
    public async Task<(BigInteger Open, BigInteger Shares)> ClaimAllAsync(long modelId, long epoch, IEnumerable<string> accounts)
    {
        await Rpc.IncreaseTimeAsync(await Reads.Distributor.ChallengeWindowAsync() + 1);
        await Rpc.MineAsync();
        var payer = await AsAsync(9);
        BigInteger open = 0, shares = 0;
        foreach (var account in accounts.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var proof = await Client.GetJsonAsync($"/models/{modelId}/epochs/{epoch}/proofs/{account}");
            Assert.True(proof["rootMatchesPosted"]!.GetValue<bool>(), $"the served root of {account} is not the posted one");
            var address = Address.Parse(account);
            var before = await Reads.Token.BalanceOfAsync(address);
            var amount = BigInteger.Parse(proof["openAmount"]!.GetValue<string>());
            var shareAmount = BigInteger.Parse(proof["shareAmount"]!.GetValue<string>());
            await payer.Distributor.ClaimAsync(modelId, epoch, proof["leafIndex"]!.GetValue<long>(), address, amount, shareAmount,
                [.. proof["proof"]!.AsArray().Select(p => Hash32.Parse(p!.GetValue<string>()))]);
            Assert.Equal(before + amount, await Reads.Token.BalanceOfAsync(address));
            open += amount;
            shares += shareAmount;
        }
        return (open, shares);
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Factory is not null) await Factory.DisposeAsync();
        Chain?.Dispose();
        Directory.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class EpochChainCollection : ICollectionFixture<EpochChain>
{
    public const string Name = "epoch chain";
}

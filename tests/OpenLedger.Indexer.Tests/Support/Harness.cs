using Microsoft.Extensions.Logging.Abstractions;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Indexer.Chain;
using OpenLedger.Indexer.Deployment;
using OpenLedger.Indexer.Store;
using OpenLedger.Indexer.Store.Sql;
using OpenLedger.Indexer.Store.Sqlite;
using OpenLedger.Indexer.Sync;
using OpenLedger.TestSupport;

namespace OpenLedger.Indexer.Tests.Support;

/// <summary>Builds an in-process indexer over a real node (or an in-memory chain) and a real SQLite file.</summary>
public static class Harness
{
    /// <summary>Where Hardhat deploys the first contract; the registry of <see cref="MemoryDeployment"/>.</summary>
    public static readonly Address MemoryRegistry = Address.Parse("0x5FbDB2315678afecb367f032d93F642f64180aa3");

    /// <summary>A deployment on chain 31337 from block 1, for indexers over an in-memory chain.</summary>
    public const string MemoryDeployment = """
        { "chainId": 31337, "contracts": {
            "ContributionRegistry": { "address": "0x5FbDB2315678afecb367f032d93F642f64180aa3", "deploymentBlock": 1 },
            "ModelShares": { "address": "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512", "deploymentBlock": 1 },
            "RewardDistributor": { "address": "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0", "deploymentBlock": 1 } } }
        """;

    /// <summary>An indexer of <see cref="MemoryDeployment"/> over an in-memory chain, with fixed ranges and no confirmations.</summary>
    public static (ChainIndexer Indexer, SqliteIndexStore Store) MemoryIndexer(IChainReader chain, string database, int range,
        int reorgWindow = 128, Action<BlockRef>? committed = null)
    {
        var options = new IndexerOptions
        {
            RpcUrl = "http://127.0.0.1:1", ChainId = 31337, DeploymentFile = "unused", DatabasePath = database,
            InitialBlockRange = range, MaxBlockRange = range, Confirmations = 0, ReorgWindow = reorgWindow,
        };
        var store = new SqliteIndexStore(database);
        return (new ChainIndexer(chain, store, DeploymentFile.Parse(MemoryDeployment), options, new IndexerHealth(), NullLogger.Instance)
        {
            RangeCommitted = committed,
        }, store);
    }

    public static IndexerOptions Options(Uri rpc, string deployment, string database, int range = 500, int maxRange = 10_000) => new()
    {
        RpcUrl = rpc.ToString(), ChainId = HardhatNode.ChainId, DeploymentFile = deployment, DatabasePath = database,
        InitialBlockRange = range, MaxBlockRange = maxRange, PollingInterval = TimeSpan.FromMilliseconds(50),
    };

    public static JsonRpcClient Client(Uri rpc, JsonRpcClientOptions? options = null) => new(new HttpClient(), rpc, options);

    public static ChainIndexer Indexer(IChainReader chain, IndexerOptions options, IIndexStore store, IndexerHealth? health = null) =>
        new(chain, store, DeploymentFile.Load(options.DeploymentFile), options, health ?? new IndexerHealth(), NullLogger.Instance)
        {
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            MaxRetryDelay = TimeSpan.FromMilliseconds(200),
        };

    /// <summary>Indexes a fresh database to the head and returns its canonical dump.</summary>
    public static Task<string> FreshDumpAsync(Uri rpc, string deployment, string database, int range = 500) =>
        FreshDumpAsync(rpc, deployment, new SqliteIndexStore(database), range);

    /// <summary>Indexes a fresh store of either engine to the head and returns its canonical dump.</summary>
    public static async Task<string> FreshDumpAsync(Uri rpc, string deployment, SqlIndexStore store, int range = 500)
    {
        var options = Options(rpc, deployment, "unused", range);
        var indexer = Indexer(new RpcChainReader(Client(rpc)), options, store);
        await indexer.InitializeAsync(CancellationToken.None);
        await indexer.RunAsync(stopAtHead: true, CancellationToken.None);
        return DatabaseDump.Canonical(store);
    }
}

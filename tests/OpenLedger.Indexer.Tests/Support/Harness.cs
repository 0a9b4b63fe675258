using Microsoft.Extensions.Logging.Abstractions;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Indexer.Chain;
using OpenLedger.Indexer.Deployment;
using OpenLedger.Indexer.Store.Sqlite;
using OpenLedger.Indexer.Sync;
using OpenLedger.TestSupport;

namespace OpenLedger.Indexer.Tests.Support;

/// <summary>Builds an in-process indexer over a real node and a real SQLite file.</summary>
public static class Harness
{
    public static IndexerOptions Options(Uri rpc, string deployment, string database, int range = 500, int maxRange = 10_000) => new()
    {
        RpcUrl = rpc.ToString(), ChainId = HardhatNode.ChainId, DeploymentFile = deployment, DatabasePath = database,
        InitialBlockRange = range, MaxBlockRange = maxRange, PollingInterval = TimeSpan.FromMilliseconds(50),
    };

    public static JsonRpcClient Client(Uri rpc, JsonRpcClientOptions? options = null) => new(new HttpClient(), rpc, options);

    public static ChainIndexer Indexer(IChainReader chain, IndexerOptions options, SqliteIndexStore store, IndexerHealth? health = null) =>
        new(chain, store, DeploymentFile.Load(options.DeploymentFile), options, health ?? new IndexerHealth(), NullLogger.Instance)
        {
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            MaxRetryDelay = TimeSpan.FromMilliseconds(200),
        };

    /// <summary>Indexes a fresh database to the head and returns its canonical dump.</summary>
    public static async Task<string> FreshDumpAsync(Uri rpc, string deployment, string database, int range = 500)
    {
        var options = Options(rpc, deployment, database, range);
        var store = new SqliteIndexStore(database);
        var indexer = Indexer(new RpcChainReader(Client(rpc)), options, store);
        await indexer.InitializeAsync(CancellationToken.None);
        await indexer.RunAsync(stopAtHead: true, CancellationToken.None);
        return DatabaseDump.Canonical(database);
    }
}

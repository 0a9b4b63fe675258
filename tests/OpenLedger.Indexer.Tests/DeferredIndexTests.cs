using Microsoft.Extensions.Logging.Abstractions;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Indexer.Chain;
using OpenLedger.Indexer.Deployment;
using OpenLedger.Indexer.Store.Sql;
using OpenLedger.Indexer.Sync;
using OpenLedger.Indexer.Tests.Support;

namespace OpenLedger.Indexer.Tests;

/// <summary>
/// A long backfill drops the contributions' secondary indexes and builds them at the head (IndexerOptions.DeferIndexes),
/// on a real node running the real contracts (flags, slashes and supersessions included), on both engines: the same
/// data and the same schema as a backfill that kept them, also when the backfill is interrupted and resumed.
/// </summary>
public sealed class DeferredIndexTests(SmallLoadedChain chain, StoreEngines engines) : IClassFixture<SmallLoadedChain>, IClassFixture<StoreEngines>
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    // A reorg window shorter than the chain, so the backfill of a fresh store is a long one.
    private IndexerOptions Options(bool defer)
    {
        var options = Harness.Options(chain.Node.Url, chain.DeploymentFile, "unused", range: 40, maxRange: 40);
        options.ReorgWindow = 16;
        options.DeferIndexes = defer;
        return options;
    }

    private ChainIndexer Indexer(IndexerOptions options, SqlIndexStore store, Action<BlockRef>? committed = null, IndexerHealth? health = null,
        IChainReader? reader = null) =>
        new(reader ?? new RpcChainReader(Harness.Client(chain.Node.Url)), store, DeploymentFile.Load(options.DeploymentFile), options,
            health ?? new IndexerHealth(), NullLogger.Instance) { RangeCommitted = committed };

    /// <summary>The node, except that logs of ranges starting past <paramref name="last"/> never come (until cancelled).</summary>
    private sealed class ChainStalledAfter(IChainReader node, long last) : IChainReader
    {
        public string Endpoint => node.Endpoint;
        public Task<ulong> GetChainIdAsync(CancellationToken ct) => node.GetChainIdAsync(ct);
        public Task<long> GetBlockNumberAsync(CancellationToken ct) => node.GetBlockNumberAsync(ct);
        public Task<BlockHeader?> GetBlockHeaderAsync(long number, CancellationToken ct) => node.GetBlockHeaderAsync(number, ct);
        public Task<IReadOnlyList<BlockHeader?>> GetBlockHeadersAsync(long fromBlock, long toBlock, CancellationToken ct) => node.GetBlockHeadersAsync(fromBlock, toBlock, ct);
        public Task<IReadOnlyList<BlockHeader?>> GetBlockHeadersAsync(IReadOnlyList<long> numbers, CancellationToken ct) => node.GetBlockHeadersAsync(numbers, ct);

        public async Task<IReadOnlyList<ChainLog>> GetLogsAsync(long fromBlock, long toBlock, IReadOnlyList<Address> addresses, CancellationToken ct)
        {
            if (fromBlock > last) await Task.Delay(Timeout.Infinite, ct);
            return await node.GetLogsAsync(fromBlock, toBlock, addresses, ct);
        }
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_deferred_backfill_gives_the_data_and_the_indexes_of_one_that_kept_them(string engine)
    {
        Assert.True(chain.Head > 16 * 2, $"the chain has {chain.Head} blocks: too short for a long backfill");
        var deferred = await engines[engine].CreateAsync("deferred");
        var sawDeferred = false;
        var health = new IndexerHealth();
        var described = new List<string>();
        var indexer = Indexer(Options(defer: true), deferred, _ =>
        {
            sawDeferred |= !DatabaseDump.Indexes(deferred).Any(i => i.StartsWith("contributions_model:", StringComparison.Ordinal));
            described.Add(health.Report.Description);
        }, health);
        await indexer.RunAsync(stopAtHead: true, Ct);

        Assert.True(sawDeferred, "the indexes were never dropped during the backfill");
        // /health says why reads are slow meanwhile, and goes back to "indexing" once they are built.
        Assert.Contains(IndexerHealth.BackfillingWithoutIndexes, described);
        Assert.Equal("indexing", health.Report.Description);
        await AssertAsIfKeptAsync(engine, deferred);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task An_interrupted_deferred_backfill_resumes_deferred_and_builds_the_indexes_at_the_head(string engine)
    {
        var store = await engines[engine].CreateAsync("interrupted");
        // Stopped after two 40-block ranges, whatever the machine's speed: the node "stalls" past them.
        var stopAt = DeploymentFile.Load(chain.DeploymentFile).StartBlock + 2 * 40 - 1;
        Assert.True(stopAt + 16 < chain.Head, $"the chain has {chain.Head} blocks: too short to interrupt");
        using (var stop = new CancellationTokenSource())
        {
            var stalled = new ChainStalledAfter(new RpcChainReader(Harness.Client(chain.Node.Url)), stopAt);
            var first = Indexer(Options(defer: true), store, at => { if (at.Number >= stopAt) stop.Cancel(); }, reader: stalled);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.RunAsync(stopAtHead: true, stop.Token));
        }
        Assert.Equal(stopAt, (await store.GetCursorAsync(Ct))!.Value.Number);
        // What a restarted process or a standby finds: the schema says the indexes are deferred.
        var resumed = engines[engine].Reopen(store);
        Assert.True(await resumed.AreIndexesDeferredAsync(Ct));
        await Indexer(Options(defer: true), resumed).RunAsync(stopAtHead: true, Ct);
        await AssertAsIfKeptAsync(engine, resumed);
    }

    // What every backfill must end as: the data and the schema of one into a fresh store that kept its indexes throughout.
    private async Task AssertAsIfKeptAsync(string engine, SqlIndexStore store)
    {
        var kept = await engines[engine].CreateAsync("kept");
        await Indexer(Options(defer: false), kept).RunAsync(stopAtHead: true, Ct);
        Assert.False(await store.AreIndexesDeferredAsync(Ct));
        Assert.Equal(DatabaseDump.Indexes(kept), DatabaseDump.Indexes(store));
        Assert.Equal(DatabaseDump.Canonical(kept), DatabaseDump.Canonical(store));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_store_at_the_head_with_its_indexes_still_deferred_builds_them_on_the_next_step(string engine)
    {
        // A crash after the backfill's last range and before the build: the next step finds nothing to fetch.
        var store = await engines[engine].CreateAsync("at-head");
        var options = Options(defer: false);
        await Indexer(options, store).RunAsync(stopAtHead: true, Ct);
        var complete = DatabaseDump.Indexes(store);
        await store.DeferIndexesAsync(Ct);

        var restarted = engines[engine].Reopen(store);
        Assert.Equal(SyncOutcome.NothingNew, await Indexer(options, restarted).StepAsync(Ct));
        Assert.False(await restarted.AreIndexesDeferredAsync(Ct));
        Assert.Equal(complete, DatabaseDump.Indexes(restarted));
    }
}

using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using OpenLedger.Indexer.Chain;
using OpenLedger.Indexer.Deployment;
using OpenLedger.Indexer.Store;

namespace OpenLedger.Indexer.Sync;

/// <summary>
/// The sync loop. Each step compares the store's cursor with the node and ends in a named outcome. Ranges are
/// fetched by a producer while the previous range is being written (a bounded channel), and each range's rows
/// and the new cursor commit in one transaction.
/// </summary>
public sealed partial class ChainIndexer
{
    private readonly IChainReader _chain;
    private readonly IIndexStore _store;
    private readonly DeploymentFile _deployment;
    private readonly IndexerOptions _options;
    private readonly ILogger _logger;
    private readonly RangeFetcher _fetcher;

    public ChainIndexer(IChainReader chain, IIndexStore store, DeploymentFile deployment, IndexerOptions options, IndexerHealth health, ILogger logger)
    {
        _chain = chain;
        _store = store;
        _deployment = deployment;
        _options = options;
        Health = health;
        _logger = logger;
        Sizer = new RangeSizer(options.InitialBlockRange, options.MaxBlockRange);
        _fetcher = new RangeFetcher(chain, deployment, Sizer, options.ReorgWindow);
    }

    public IndexerHealth Health { get; }

    public RangeSizer Sizer { get; }

    // Ranges fetched ahead of the writer, and the contributions one transaction takes at most when it groups them.
    private const int QueuedRanges = 4;
    private const int MaxRowsPerTransaction = 50_000;

    /// <summary>Called after each transaction of ranges (rows and cursor) has committed, with the new cursor.</summary>
    public Action<BlockRef>? RangeCommitted { get; init; }

    /// <summary>Upgrades the schema and checks the node serves the configured chain and the deployment's.</summary>
    public async Task InitializeAsync(CancellationToken ct)
    {
        await _store.MigrateAsync(ct);
        var chainId = await _chain.GetChainIdAsync(ct);
        if (chainId != _options.ChainId)
            throw new ChainReadException(ChainFailure.Permanent, $"{_chain.Endpoint} serves chain {chainId} but Indexer:ChainId is {_options.ChainId}");
        if (_deployment.ChainId != chainId)
            throw new ChainReadException(ChainFailure.Permanent, $"The deployment file is for chain {_deployment.ChainId} but {_chain.Endpoint} serves chain {chainId}");
    }

    /// <summary>One step of the loop.</summary>
    public async Task<SyncOutcome> StepAsync(CancellationToken ct)
    {
        var cursor = await _store.GetCursorAsync(ct);
        var head = await _chain.GetBlockNumberAsync(ct);
        var target = head - _options.Confirmations;
        if (cursor is { } c && c.Number >= target)
        {
            // Nothing to fetch, but the block under the cursor may have been replaced by a fork of the same height.
            var header = await _chain.GetBlockHeaderAsync(c.Number, ct);
            if (header is not { } h || h.Hash != c.Hash)
            {
                await RewindToCommonAncestorAsync(c, ct);
                return SyncOutcome.Reorg;
            }
            await BuildDeferredIndexesAtHeadAsync(target, ct);
            Health.Healthy(c.Number, head);
            return c.Number > target ? SyncOutcome.LocalAhead : SyncOutcome.NothingNew;
        }
        var from = cursor is { } k ? k.Number + 1 : _deployment.StartBlock;
        if (from > target) return SyncOutcome.NothingNew;
        await DeferIndexesForBackfillAsync(from, target, ct);
        var (committed, reorgAtStart) = await RunPipelineAsync(from, target, head, cursor, ct);
        await BuildDeferredIndexesAtHeadAsync(target, ct);
        if (reorgAtStart && cursor is { } old)
        {
            await RewindToCommonAncestorAsync(old, ct);
            return SyncOutcome.Reorg;
        }
        return committed > 0 ? SyncOutcome.Progressed : SyncOutcome.NothingNew;
    }

    private async Task<(int Committed, bool ReorgAtStart)> RunPipelineAsync(long from, long target, long head, BlockRef? cursor, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // Three stages overlap: the producer fetches ahead while earlier ranges are decoded and written.
        var channel = Channel.CreateBounded<Task<RangeBatch>>(new BoundedChannelOptions(QueuedRanges) { SingleReader = true, SingleWriter = true });
        var reorgAt = -1L;
        var producer = Task.Run(async () =>
        {
            try
            {
                reorgAt = await ProduceAsync(from, target, head, cursor?.Hash, channel.Writer, cts.Token);
                channel.Writer.Complete();
            }
            catch (Exception e) { channel.Writer.Complete(e); }
        }, CancellationToken.None);

        var committed = 0;
        var group = new List<RangeBatch>();
        var health = await _store.AreIndexesDeferredAsync(ct) ? IndexerHealth.BackfillingWithoutIndexes : "indexing";
        try
        {
            await foreach (var decoding in channel.Reader.ReadAllAsync(ct))
            {
                // Ranges already decoded while the last transaction ran join this one: a backfill commits less often
                // when writing is the slow stage, and a synced indexer still commits each range as it comes.
                group.Clear();
                group.Add(await decoding);
                var rows = group[0].Contributions.Count;
                while (rows < MaxRowsPerTransaction && channel.Reader.TryPeek(out var ready) && ready.IsCompletedSuccessfully
                       && channel.Reader.TryRead(out _))
                {
                    group.Add(ready.Result);
                    rows += ready.Result.Contributions.Count;
                }
                await _store.CommitRangesAsync(group, _options.ReorgWindow, ct);
                committed += group.Count;
                var last = group[^1].ToBlock;
                Health.Healthy(last.Number, head, health);
                RangeCommitted?.Invoke(last.Ref);
                LogCommitted(group.Sum(b => b.EventCount), group[0].FromBlock, last.Number, head);
            }
        }
        finally
        {
            await cts.CancelAsync();
            await producer;
        }
        return (committed, reorgAt == from);
    }

    // A long backfill into a store holding less than is left: the rows to come outnumber those there, so building the
    // indexes once at the end costs less than keeping them (see SqlIndexStore.DeferredIndexes). A backfill a standby
    // or a restart resumes keeps the state it finds.
    private async Task DeferIndexesForBackfillAsync(long from, long target, CancellationToken ct)
    {
        var left = target - from + 1;
        if (!_options.DeferIndexes || left <= _options.ReorgWindow || left <= from - _deployment.StartBlock) return;
        if (await _store.AreIndexesDeferredAsync(ct)) return;
        await _store.DeferIndexesAsync(ct);
        LogIndexesDeferred(left, from, target);
    }

    // Once the cursor is at the target (also after a restart that finds the backfill done but the indexes not built).
    private async Task BuildDeferredIndexesAtHeadAsync(long target, CancellationToken ct)
    {
        if (!await _store.AreIndexesDeferredAsync(ct)) return;
        if (await _store.GetCursorAsync(ct) is not { } cursor || cursor.Number < target) return;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await _store.BuildDeferredIndexesAsync(ct);
        LogIndexesBuilt(cursor.Number, watch.Elapsed.TotalSeconds);
        Health.Healthy(cursor.Number, null);
    }

    private async Task RewindToCommonAncestorAsync(BlockRef cursor, CancellationToken ct)
    {
        var recent = await _store.GetRecentBlocksAsync(ct);
        foreach (var known in recent)
        {
            var header = await _chain.GetBlockHeaderAsync(known.Number, ct);
            if (header is { } h && h.Hash == known.Hash)
            {
                await _store.RewindAsync(known, ct);
                LogReorg(cursor.Number, cursor.Hash.ToString(), known.Number);
                return;
            }
        }
        throw new IndexerException(
            $"Reorg below every remembered block (cursor {cursor.Number}, {recent.Count} block hashes kept, Indexer:ReorgWindow {_options.ReorgWindow}): " +
            "no common ancestor found; re-index into a fresh database");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed {Count} events in blocks {From}-{To} (head {Head})")]
    private partial void LogCommitted(int count, long from, long to, long head);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backfilling {Blocks} blocks ({From}-{To}): the contributions' indexes by id, model and contributor are built at the head")]
    private partial void LogIndexesDeferred(long blocks, long from, long to);

    [LoggerMessage(Level = LogLevel.Information, Message = "Built the contributions' deferred indexes at block {Block} in {Seconds:0.00} s")]
    private partial void LogIndexesBuilt(long block, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reorg: block {Cursor} ({Hash}) is no longer canonical; rewound to common ancestor {Ancestor}")]
    private partial void LogReorg(long cursor, string hash, long ancestor);
}

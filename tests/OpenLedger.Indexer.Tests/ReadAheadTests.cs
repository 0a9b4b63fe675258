using OpenLedger.Ethereum.Primitives;
using OpenLedger.Indexer.Chain;
using OpenLedger.Indexer.Store.Sqlite;
using OpenLedger.Indexer.Sync;
using OpenLedger.Indexer.Tests.Support;
using OpenLedger.TestSupport;

namespace OpenLedger.Indexer.Tests;

/// <summary>The ranges read ahead of the current one: kept only when they start where the one before ended.</summary>
public sealed class ReadAheadTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_split_while_the_next_range_is_read_ahead_still_indexes_from_the_block_after_the_split_in_order()
    {
        // The refusal of 1-10 waits until the range after it (11-20) has been requested: read ahead, before the split.
        var chain = new EmptyChain(head: 100) { RefuseWiderThan = 5, RefuseOnlyFrom = 1, RefuseAfterRequestFrom = 11 };
        var cursors = new List<long>();
        var (indexer, store) = Indexer(chain, range: 10, c => cursors.Add(c.Number));
        await indexer.InitializeAsync(CancellationToken.None);
        await indexer.RunAsync(stopAtHead: true, CancellationToken.None);

        Assert.Equal(new BlockRef(100, EmptyChain.HashOf(100)), await store.GetCursorAsync(CancellationToken.None));
        // 1-10 was refused and split to 1-5, so the ranges read ahead (11-20, 21-30) no longer follow: they are dropped
        // and planning starts again from 6. Ranges in flight together reach the node in any order, so the requests are
        // compared as sets within each plan.
        var requests = chain.LogRequests.ToList();
        Assert.Equal(3, ChainIndexer.RangesInFlight);
        foreach (var first in new[] { (1L, 10L), (11L, 20L), (21L, 30L) }) Assert.True(requests.Remove(first), $"{first} was never requested");
        Assert.Equal((1L, 5L), requests[0]);
        var replanned = requests.Skip(1).Order().ToArray();
        Assert.Equal(6, replanned[0].From);
        for (var i = 1; i < replanned.Length; i++) Assert.Equal(replanned[i - 1].To + 1, replanned[i].From);
        Assert.Equal(100, replanned[^1].To);
        Assert.Equal(100, cursors[^1]); // commits may group several ranges, so only the order and the end are fixed
        Assert.Equal(cursors.Order(), cursors);
    }

    [Fact]
    public async Task A_split_of_the_only_range_in_flight_goes_on_from_the_block_after_the_split()
    {
        // Blocks 1-8 fit in one range of 10, so nothing is read ahead; the node refuses it and it is split to 1-4.
        var chain = new EmptyChain(head: 8) { RefuseWiderThan = 4, RefuseOnlyFrom = 1 };
        var (indexer, store) = Indexer(chain, range: 10);
        await indexer.InitializeAsync(CancellationToken.None);
        await indexer.RunAsync(stopAtHead: true, CancellationToken.None);

        Assert.Equal(new BlockRef(8, EmptyChain.HashOf(8)), await store.GetCursorAsync(CancellationToken.None));
        Assert.Equal([(1L, 8L), (1L, 4L), (5L, 8L)], chain.LogRequests.ToArray());
    }

    [Fact]
    public async Task Without_splits_every_range_is_read_once_and_in_order()
    {
        var chain = new EmptyChain(head: 95);
        var (indexer, store) = Indexer(chain, range: 10);
        await indexer.InitializeAsync(CancellationToken.None);
        await indexer.RunAsync(stopAtHead: true, CancellationToken.None);

        Assert.Equal(new BlockRef(95, EmptyChain.HashOf(95)), await store.GetCursorAsync(CancellationToken.None));
        var expected = Enumerable.Range(0, 10).Select(i => (1L + 10 * i, Math.Min(95L, 10L + 10 * i))).ToArray();
        Assert.Equal(expected, chain.LogRequests.Order().ToArray());
    }

    private (ChainIndexer, SqliteIndexStore) Indexer(IChainReader chain, int range, Action<BlockRef>? committed = null) =>
        Harness.MemoryIndexer(chain, _directory.File("index.db"), range, committed: committed);

    /// <summary>Blocks 0 to head with no logs; optionally refuses wide eth_getLogs ranges as too large.</summary>
    private sealed class EmptyChain(long head) : IChainReader
    {
        public int RefuseWiderThan { get; init; } = int.MaxValue;

        /// <summary>Only ranges starting at this block are refused (the split then makes the read ahead stale).</summary>
        public long RefuseOnlyFrom { get; init; } = -1;

        /// <summary>A refusal waits until a request starting at this block has arrived (or 30 s have passed).</summary>
        public long RefuseAfterRequestFrom { get; init; } = -1;

        private readonly TaskCompletionSource _awaitedRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public System.Collections.Concurrent.ConcurrentQueue<(long From, long To)> LogRequests { get; } = new();

        public string Endpoint => "memory";

        public static Hash32 HashOf(long number) => Keccak.Hash($"block {number}");

        private static BlockHeader? Header(long number, long head) =>
            number < 0 || number > head ? null : new BlockHeader(number, HashOf(number), number == 0 ? Hash32.Zero : HashOf(number - 1));

        public Task<ulong> GetChainIdAsync(CancellationToken cancellationToken) => Task.FromResult(31337UL);

        public Task<long> GetBlockNumberAsync(CancellationToken cancellationToken) => Task.FromResult(head);

        public async Task<BlockHeader?> GetBlockHeaderAsync(long number, CancellationToken cancellationToken)
        {
            await Task.Yield();
            return Header(number, head);
        }

        public async Task<IReadOnlyList<BlockHeader?>> GetBlockHeadersAsync(long fromBlock, long toBlock, CancellationToken cancellationToken)
        {
            await Task.Yield();
            return [.. Enumerable.Range(0, (int)(toBlock - fromBlock + 1)).Select(i => Header(fromBlock + i, head))];
        }

        public async Task<IReadOnlyList<BlockHeader?>> GetBlockHeadersAsync(IReadOnlyList<long> numbers, CancellationToken cancellationToken)
        {
            await Task.Yield();
            return [.. numbers.Select(n => Header(n, head))];
        }

        public async Task<IReadOnlyList<ChainLog>> GetLogsAsync(long fromBlock, long toBlock, IReadOnlyList<Address> addresses, CancellationToken cancellationToken)
        {
            await Task.Yield();
            LogRequests.Enqueue((fromBlock, toBlock));
            if (fromBlock == RefuseAfterRequestFrom) _awaitedRequest.TrySetResult();
            if (fromBlock == RefuseOnlyFrom && toBlock - fromBlock + 1 > RefuseWiderThan)
            {
                if (RefuseAfterRequestFrom >= 0) await _awaitedRequest.Task.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None).ContinueWith(_ => { });
                throw new ChainReadException(ChainFailure.RangeTooLarge, $"logs {fromBlock}-{toBlock}: too many results");
            }
            return [];
        }
    }
}

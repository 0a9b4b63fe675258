using OpenLedger.Ethereum.Primitives;
using OpenLedger.Indexer.Chain;
using OpenLedger.Indexer.Store.Sqlite;
using OpenLedger.Indexer.Sync;
using OpenLedger.Indexer.Tests.Support;
using OpenLedger.TestSupport;

namespace OpenLedger.Indexer.Tests;

/// <summary>
/// Every block near the head (the reorg window) has its hash kept: from its logs when it has some, otherwise from
/// headers read after the logs together with the check of the range's last block. A chain that moves during
/// eth_getLogs gets the range read again.
/// </summary>
public sealed class ReorgWindowTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Window_blocks_without_logs_are_read_as_headers_after_the_logs_with_the_last_block()
    {
        // Head 35, window 10: blocks 26-35 are kept. Range 21-30 reaches into the window, 31-35 lies in it; no logs.
        var chain = new ForkingChain(head: 35);
        var (indexer, store) = Indexer(chain);
        await indexer.InitializeAsync(CancellationToken.None);
        await indexer.RunAsync(stopAtHead: true, CancellationToken.None);

        Assert.Equal(["headers 11,20", "logs 11-20", "header 20"], chain.CallsOfRange(11, 20));
        Assert.Equal(["headers 21,30", "logs 21-30", "headers 26,27,28,29,30"], chain.CallsOfRange(21, 30));
        Assert.Equal(["headers 31,35", "logs 31-35", "headers 31,32,33,34,35"], chain.CallsOfRange(31, 35));
        await AssertWindowKeptAsync(store, forkFrom: long.MaxValue);
    }

    [Fact]
    public async Task Window_blocks_with_logs_take_their_hashes_from_the_logs_and_only_the_blocks_above_the_first_bare_one_are_read()
    {
        // Blocks 21-28 and 30 have logs: range 21-30 reads only 29-30 after its logs; 31-35 (31-32 with logs) reads 33-35.
        var chain = new ForkingChain(head: 35) { BlocksWithLogs = [.. Enumerable.Range(21, 8), 30, 31, 32] };
        var (indexer, store) = Indexer(chain);
        await indexer.InitializeAsync(CancellationToken.None);
        await indexer.RunAsync(stopAtHead: true, CancellationToken.None);

        Assert.Equal(["headers 21,30", "logs 21-30", "headers 29,30"], chain.CallsOfRange(21, 30));
        Assert.Equal(["headers 31,35", "logs 31-35", "headers 33,34,35"], chain.CallsOfRange(31, 35));
        await AssertWindowKeptAsync(store, forkFrom: long.MaxValue);
    }

    [Fact]
    public async Task When_every_window_block_has_logs_only_the_last_block_is_read_after_them()
    {
        var chain = new ForkingChain(head: 35) { BlocksWithLogs = [.. Enumerable.Range(1, 35)] };
        var (indexer, store) = Indexer(chain);
        await indexer.InitializeAsync(CancellationToken.None);
        await indexer.RunAsync(stopAtHead: true, CancellationToken.None);

        Assert.Equal(["headers 21,30", "logs 21-30", "header 30"], chain.CallsOfRange(21, 30));
        Assert.Equal(["headers 31,35", "logs 31-35", "header 35"], chain.CallsOfRange(31, 35));
        // No header of the window is read besides the ranges' two ends: the logs gave every hash.
        Assert.All(chain.Calls.Where(c => c.StartsWith("headers ", StringComparison.Ordinal)), c => Assert.Equal(2, c.Split(',').Length));
        await AssertWindowKeptAsync(store, forkFrom: long.MaxValue);
    }

    [Fact]
    public async Task A_window_header_that_does_not_sit_on_the_hash_a_log_gave_gets_the_range_read_again()
    {
        // The first read of block 29 after the logs comes from a node out of step (its parent is not the block 28 the
        // logs of 28 name); the range is read again rather than kept with a hash that does not link.
        var chain = new ForkingChain(head: 35) { BlocksWithLogs = [.. Enumerable.Range(21, 8)], StaleHeaderOnce = 29 };
        var (indexer, store) = Indexer(chain);
        await indexer.InitializeAsync(CancellationToken.None);
        await indexer.RunAsync(stopAtHead: true, CancellationToken.None);

        Assert.Equal(2, chain.Calls.Count(c => c == "logs 21-30"));
        await AssertWindowKeptAsync(store, forkFrom: long.MaxValue);
    }

    [Fact]
    public async Task Logs_past_the_range_near_the_head_stop_indexing_with_the_error_that_names_them()
    {
        // A node answering 21-30 with logs of blocks 31 and 33 too (every window block of the range has logs): the
        // blocks above the range are not read as headers of it; the range is refused as what it is.
        var chain = new ForkingChain(head: 35) { BlocksWithLogs = [.. Enumerable.Range(21, 10)], StrayLogsOf = (21, [31, 33]) };
        var (indexer, store) = Indexer(chain);
        await indexer.InitializeAsync(CancellationToken.None);

        var e = await Assert.ThrowsAsync<ChainReadException>(() => indexer.RunAsync(stopAtHead: true, CancellationToken.None));
        Assert.Equal(ChainFailure.Permanent, e.Failure);
        Assert.Contains("fetching logs 21-30 from memory: the node returned a log of block 31", e.Message);
        Assert.Equal(new BlockRef(20, ForkingChain.HashOf(20, fork: 0)), await store.GetCursorAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(21, 28, false)] // the fork starts inside the window part of a range that reaches into it
    [InlineData(31, 33, false)] // and inside a range that lies in the window
    [InlineData(21, 28, true)] // the same with logs in every block, whose hashes then come from the logs
    [InlineData(31, 33, true)]
    public async Task A_fork_during_the_logs_of_a_range_in_the_window_gets_the_range_read_again_with_the_new_hashes(long rangeFrom, long forkFrom, bool logs)
    {
        // While the node answers eth_getLogs for the range, blocks from forkFrom up are replaced; the headers read before
        // the logs are the old fork's, so the range must not be committed with them.
        var chain = new ForkingChain(head: 35)
        {
            ForkDuringLogsOf = rangeFrom, ForkFrom = forkFrom, BlocksWithLogs = logs ? [.. Enumerable.Range(1, 35)] : [],
        };
        var (indexer, store) = Indexer(chain);
        await indexer.InitializeAsync(CancellationToken.None);
        await indexer.RunAsync(stopAtHead: true, CancellationToken.None);

        Assert.Equal(2, chain.Calls.Count(c => c.StartsWith($"logs {rangeFrom}-", StringComparison.Ordinal)));
        await AssertWindowKeptAsync(store, forkFrom);
    }

    // Blocks 26-35 (the window at head 35) are kept with the canonical hashes: fork 1 from forkFrom up, and the cursor at 35.
    private static async Task AssertWindowKeptAsync(SqliteIndexStore store, long forkFrom)
    {
        int Fork(long n) => n >= forkFrom ? 1 : 0;
        Assert.Equal(new BlockRef(35, ForkingChain.HashOf(35, Fork(35))), await store.GetCursorAsync(CancellationToken.None));
        var recent = await store.GetRecentBlocksAsync(CancellationToken.None);
        foreach (var n in Enumerable.Range(26, 10)) Assert.Contains(new BlockRef(n, ForkingChain.HashOf(n, Fork(n))), recent);
        Assert.DoesNotContain(recent, b => b.Hash != ForkingChain.HashOf(b.Number, Fork(b.Number)));
    }

    private (ChainIndexer, SqliteIndexStore) Indexer(IChainReader chain) =>
        Harness.MemoryIndexer(chain, _directory.File("index.db"), range: 10, reorgWindow: 10);

    /// <summary>
    /// Blocks 0 to head, some with one log of an event the indexer does not decode; the blocks from <see cref="ForkFrom"/>
    /// up can be replaced during one eth_getLogs (the logs it answers are then the new fork's, as a node would answer).
    /// </summary>
    private sealed class ForkingChain(long head) : IChainReader
    {
        private int _fork;
        private int _staleServed;

        public HashSet<long> BlocksWithLogs { get; init; } = [];

        /// <summary>The first header read of this block (in a read of several) names a parent of another fork.</summary>
        public long StaleHeaderOnce { get; init; } = -1;

        /// <summary>The eth_getLogs of the range starting here switches the chain to fork 1 before it answers.</summary>
        public long ForkDuringLogsOf { get; init; } = -1;

        public long ForkFrom { get; init; } = long.MaxValue;

        /// <summary>The eth_getLogs of the range starting at From also answers logs of these blocks, outside the range.</summary>
        public (long From, long[] Blocks) StrayLogsOf { get; init; } = (-1, []);

        public System.Collections.Concurrent.ConcurrentQueue<string> Calls { get; } = new();

        public string Endpoint => "memory";

        public static Hash32 HashOf(long number, int fork) => number == 0 ? Keccak.Hash("genesis") : Keccak.Hash($"fork {fork} block {number}");

        /// <summary>For the range from-to: the read of its ends before its logs, its logs, and the first read of its last block after them.</summary>
        public string[] CallsOfRange(long from, long to)
        {
            var calls = Calls.ToList();
            var logs = calls.IndexOf($"logs {from}-{to}");
            Assert.True(logs >= 0, $"logs {from}-{to} were never read");
            var after = calls.FindIndex(logs + 1, c => c == $"header {to}" || (c.StartsWith("headers ", StringComparison.Ordinal) && c.EndsWith($",{to}", StringComparison.Ordinal)));
            return [calls.Take(logs).Last(c => c == $"headers {from},{to}"), calls[logs], after >= 0 ? calls[after] : "(none)"];
        }

        private BlockHeader? Header(long number)
        {
            if (number < 0 || number > head) return null;
            var fork = number >= ForkFrom ? _fork : 0;
            var parentFork = number - 1 >= ForkFrom ? _fork : 0;
            return new BlockHeader(number, HashOf(number, fork), number == 0 ? Hash32.Zero : HashOf(number - 1, parentFork));
        }

        public Task<ulong> GetChainIdAsync(CancellationToken cancellationToken) => Task.FromResult(31337UL);

        public Task<long> GetBlockNumberAsync(CancellationToken cancellationToken) => Task.FromResult(head);

        public async Task<BlockHeader?> GetBlockHeaderAsync(long number, CancellationToken cancellationToken)
        {
            await Task.Yield();
            Calls.Enqueue($"header {number}");
            return Header(number);
        }

        public async Task<IReadOnlyList<BlockHeader?>> GetBlockHeadersAsync(long fromBlock, long toBlock, CancellationToken cancellationToken) =>
            await GetBlockHeadersAsync([.. Enumerable.Range(0, (int)(toBlock - fromBlock + 1)).Select(i => fromBlock + i)], cancellationToken);

        public async Task<IReadOnlyList<BlockHeader?>> GetBlockHeadersAsync(IReadOnlyList<long> numbers, CancellationToken cancellationToken)
        {
            await Task.Yield();
            Calls.Enqueue($"headers {string.Join(",", numbers)}");
            return [.. numbers.Select(n => n == StaleHeaderOnce && numbers.Count > 1 && Interlocked.Exchange(ref _staleServed, 1) == 0
                ? Header(n)!.Value with { ParentHash = HashOf(n - 1, fork: 7) }
                : Header(n))];
        }

        public async Task<IReadOnlyList<ChainLog>> GetLogsAsync(long fromBlock, long toBlock, IReadOnlyList<Address> addresses, CancellationToken cancellationToken)
        {
            await Task.Yield();
            Calls.Enqueue($"logs {fromBlock}-{toBlock}");
            if (fromBlock == ForkDuringLogsOf) Interlocked.Exchange(ref _fork, 1);
            var topic = Keccak.Hash("NotOurEvent()");
            var blocks = Enumerable.Range((int)fromBlock, (int)(toBlock - fromBlock + 1)).Select(n => (long)n).Where(BlocksWithLogs.Contains);
            return [.. blocks.Concat(fromBlock == StrayLogsOf.From ? StrayLogsOf.Blocks : [])
                .Select(n => new ChainLog(Harness.MemoryRegistry, [topic], [], n, Header(n)!.Value.Hash, Keccak.Hash($"tx {n}"), 0))];
        }
    }
}

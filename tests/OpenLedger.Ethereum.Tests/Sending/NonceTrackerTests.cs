using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Sending;

namespace OpenLedger.Ethereum.Tests.Sending;

public sealed class NonceTrackerTests
{
    private static readonly Address Alice = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    private static readonly Address Bob = Address.Parse("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC");

    [Fact]
    public async Task Concurrent_sends_from_one_account_get_consecutive_distinct_nonces()
    {
        var tracker = new NonceTracker();
        var fetches = 0;
        var used = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => tracker.UseNextAsync(Alice,
            _ => { Interlocked.Increment(ref fetches); return Task.FromResult(7UL); },
            async nonce => { await Task.Yield(); return nonce; }))));
        Assert.Equal(Enumerable.Range(7, 50).Select(i => (ulong)i), used.Order());
        Assert.Equal(1, fetches);
        Assert.Equal(57UL, tracker.Peek(Alice));
    }

    [Fact]
    public async Task A_failed_send_drops_the_cached_nonce_so_the_next_send_asks_the_node()
    {
        var tracker = new NonceTracker();
        var pending = 3UL;
        Task<ulong> Fetch(CancellationToken _) => Task.FromResult(pending);
        Assert.Equal(3UL, await tracker.UseNextAsync(Alice, Fetch, Task.FromResult));
        await Assert.ThrowsAsync<EthereumException>(() => tracker.UseNextAsync<ulong>(Alice, Fetch, _ => throw new EthereumException("rejected")));
        Assert.Null(tracker.Peek(Alice));
        pending = 9; // the node moved on, e.g. another wallet used the account
        Assert.Equal(9UL, await tracker.UseNextAsync(Alice, Fetch, Task.FromResult));
    }

    [Fact]
    public async Task Accounts_are_tracked_independently()
    {
        var tracker = new NonceTracker();
        await tracker.UseNextAsync(Alice, _ => Task.FromResult(5UL), Task.FromResult);
        Assert.Equal(0UL, await tracker.UseNextAsync(Bob, _ => Task.FromResult(0UL), Task.FromResult));
        Assert.Equal(6UL, tracker.Peek(Alice));
        tracker.Reset(Alice);
        Assert.Null(tracker.Peek(Alice));
        Assert.Equal(1UL, tracker.Peek(Bob));
    }

    [Fact]
    public void Fees_double_the_base_fee_and_add_the_tip()
    {
        var fees = Eip1559Fees.FromBaseFee(nextBaseFee: 875_000_000, tip: 1_000_000_000);
        Assert.Equal(new Eip1559Fees(2_750_000_000, 1_000_000_000), fees);
    }
}

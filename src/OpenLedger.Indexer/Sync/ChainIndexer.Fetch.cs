using System.Threading.Channels;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Indexer.Store;

namespace OpenLedger.Indexer.Sync;

// The fetch stage. Several ranges are in flight: the next ones are requested before the current one's response is
// read, so the node is computing and sending them while this process parses, checks and hands over the current one
// (read one at a time, the node waits for every parse; two in flight still left it idle while the current range was
// parsed, because the range after next was only requested once that parse ended). A range read ahead is kept only if
// it starts right after the range below it and sits on that range's last block; otherwise (the range below was split
// as too large, or a reorg) it and every range after it are dropped and read again from the right block.
public sealed partial class ChainIndexer
{
    /// <summary>Ranges requested at once during a backfill: the current one and those read ahead of it.</summary>
    public const int RangesInFlight = 3;

    private readonly record struct InFlight(Task<FetchedRange?> Fetch, long From, long To, CancellationTokenSource Cancel);

    /// <summary>Fetches <paramref name="from"/>-<paramref name="target"/> into <paramref name="ranges"/>; returns the first block that did not sit on its parent, or -1.</summary>
    private async Task<long> ProduceAsync(long from, long target, long head, Hash32? parent, ChannelWriter<Task<RangeBatch>> ranges, CancellationToken ct)
    {
        var inFlight = new Queue<InFlight>();
        var unplanned = from; // the first block no range in flight covers
        void TopUp()
        {
            while (inFlight.Count < RangesInFlight && unplanned <= target)
            {
                var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
                var to = _fetcher.PlanEnd(unplanned, target);
                inFlight.Enqueue(new InFlight(_fetcher.FetchAsync(unplanned, to, target, head, null, cancel.Token), unplanned, to, cancel));
                unplanned = to + 1;
            }
        }

        try
        {
            TopUp();
            while (true)
            {
                var c = inFlight.Dequeue();
                FetchedRange? fetched;
                try { fetched = await c.Fetch; }
                finally { c.Cancel.Dispose(); }
                if (fetched is null || (parent is { } p && fetched.FirstParentHash != p)) return c.From;
                await ranges.WriteAsync(Task.Run(() => _fetcher.Decode(fetched), ct), ct);
                parent = fetched.Batch.ToBlock.Hash;
                var next = fetched.Batch.ToBlock.Number + 1;
                if (next > target) return -1;
                // Nothing read ahead (the range just read was the last planned, or it came back shorter), or the
                // range read ahead no longer follows: plan again from the block after the range just read.
                if (!inFlight.TryPeek(out var following) || following.From != next)
                {
                    while (inFlight.TryDequeue(out var stale)) Drop(stale);
                    unplanned = next;
                }
                TopUp();
            }
        }
        finally
        {
            while (inFlight.TryDequeue(out var left)) Drop(left);
        }
    }

    // A fetch no longer wanted: cancelled, and its outcome observed so a failure is not reported as unobserved.
    private static void Drop(InFlight fetch)
    {
        fetch.Cancel.Cancel();
        _ = fetch.Fetch.ContinueWith(static (t, cancel) => { _ = t.Exception; ((CancellationTokenSource)cancel!).Dispose(); }, fetch.Cancel,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}

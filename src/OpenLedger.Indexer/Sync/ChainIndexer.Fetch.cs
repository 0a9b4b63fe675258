using System.Threading.Channels;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Indexer.Store;

namespace OpenLedger.Indexer.Sync;

// The fetch stage. Two ranges are in flight: the next one is requested before the current one's response is read, so
// the node is serving one while this process parses the other (read one at a time, the node waits for every parse).
// A range read ahead is kept only if it starts right after the range below it and sits on that range's last block;
// otherwise (the range below was split as too large, or a reorg) it is dropped and read again from the right block.
public sealed partial class ChainIndexer
{
    private readonly record struct InFlight(Task<FetchedRange?> Fetch, long From, long To, CancellationTokenSource Cancel);

    /// <summary>Fetches <paramref name="from"/>-<paramref name="target"/> into <paramref name="ranges"/>; returns the first block that did not sit on its parent, or -1.</summary>
    private async Task<long> ProduceAsync(long from, long target, long head, Hash32? parent, ChannelWriter<Task<RangeBatch>> ranges, CancellationToken ct)
    {
        InFlight Start(long start)
        {
            var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var to = _fetcher.PlanEnd(start, target);
            return new InFlight(_fetcher.FetchAsync(start, to, target, head, null, cancel.Token), start, to, cancel);
        }

        InFlight? current = Start(from);
        InFlight? ahead = null;
        try
        {
            while (true)
            {
                var c = current!.Value;
                if (ahead is null && c.To < target) ahead = Start(c.To + 1);
                current = null;
                FetchedRange? fetched;
                try { fetched = await c.Fetch; }
                finally { c.Cancel.Dispose(); }
                if (fetched is null || (parent is { } p && fetched.FirstParentHash != p)) return c.From;
                await ranges.WriteAsync(Task.Run(() => _fetcher.Decode(fetched), ct), ct);
                parent = fetched.Batch.ToBlock.Hash;
                var next = fetched.Batch.ToBlock.Number + 1;
                if (next > target) return -1;
                if (ahead is { } a && a.From == next) current = a;
                else
                {
                    if (ahead is { } stale) Drop(stale);
                    current = Start(next);
                }
                ahead = null;
            }
        }
        finally
        {
            if (current is { } unread) Drop(unread);
            if (ahead is { } left) Drop(left);
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

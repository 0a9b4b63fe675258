using OpenLedger.Indexer.Store;
using OpenLedger.Indexer.Store.Sql;

namespace OpenLedger.Indexer.Leadership;

/// <summary>How an indexer becomes the one that writes: lease first, then the schema, then a new lease term.</summary>
public static class LeaderStart
{
    /// <summary>
    /// Takes the lease, or refuses when another indexer holds it, unless this one is a standby, which waits for the lease.
    /// Only the leader migrates: a refused indexer has written nothing. The new term makes every later write of a previous
    /// leader fail (see <see cref="SqlIndexStore.TakeLeaderTermAsync"/>).
    /// </summary>
    /// <remarks><paramref name="waiting"/> is called once with the holder's description when a standby starts to wait.</remarks>
    public static async Task TakeAsync(ILeaderLease lease, SqlIndexStore store, IndexerOptions options, Action<string>? waiting, CancellationToken ct)
    {
        if (!await lease.TryAcquireAsync(ct))
        {
            var holder = await lease.DescribeHolderAsync(ct);
            if (!options.Standby)
                throw new IndexerException($"another indexer holds the leader lease of {IndexStores.Describe(store)}: {holder}. Only one indexer " +
                    $"writes a store: start this one as a standby ({IndexerOptions.SectionName}:Standby=true, node run --standby) to take over when that one stops");
            waiting?.Invoke(holder);
            while (!await lease.TryAcquireAsync(ct)) await Task.Delay(options.StandbyPollInterval, ct);
        }
        await store.MigrateAsync(ct);
        await store.TakeLeaderTermAsync(ILeaderLease.Self, ct);
    }
}

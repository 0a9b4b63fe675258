using OpenLedger.Indexer.Store;
using OpenLedger.Indexer.Sync;

namespace OpenLedger.Node.Health;

/// <summary>Combines <see cref="IndexerHealth"/> with the cursor the store holds, which is what the API actually serves.</summary>
public sealed class NodeStatusReader(IndexerHealth health, IIndexReader reader)
{
    public async Task<NodeStatus> ReadAsync(CancellationToken cancellationToken)
    {
        var report = health.Report;
        var cursor = await reader.GetCursorAsync(cancellationToken);
        var head = report.HeadBlock;
        long? lag = head is { } h && cursor is { } c ? Math.Max(0, h - c.Number) : null;
        return new NodeStatus(health.IsHealthy, report.Status.ToString().ToLowerInvariant(), report.Description,
            cursor?.Number, cursor?.Hash.ToString(), head, lag, report.UpdatedAt);
    }
}

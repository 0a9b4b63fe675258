namespace OpenLedger.Indexer.Sync;

/// <summary>
/// How the indexer is doing, for the host's /health endpoint. Written by the sync loop, read by anyone;
/// the whole report is swapped at once so readers never see half an update.
/// </summary>
public sealed class IndexerHealth
{
    private IndexerHealthReport _report = new(HealthStatus.Starting, "starting", null, null, DateTimeOffset.UtcNow);

    public IndexerHealthReport Report => Volatile.Read(ref _report);

    public bool IsHealthy => Report.Status is HealthStatus.Healthy or HealthStatus.Starting or HealthStatus.Standby;

    /// <summary>What /health says while a backfill has the contributions' secondary indexes dropped (reads are slower).</summary>
    public const string BackfillingWithoutIndexes = "backfilling; the contributions' indexes by id, model and contributor are built at the head";

    public void Healthy(long? indexedBlock, long? headBlock, string description = "indexing") =>
        Set(HealthStatus.Healthy, description, indexedBlock ?? Report.IndexedBlock, headBlock ?? Report.HeadBlock);

    /// <summary>Not indexing, by role: a standby indexer or an API replica. The head, when given, is what lag is measured to.</summary>
    public void Standby(string description, long? headBlock = null) =>
        Set(HealthStatus.Standby, description, Report.IndexedBlock, headBlock ?? Report.HeadBlock);

    public void Degraded(string description) => Set(HealthStatus.Degraded, description, Report.IndexedBlock, Report.HeadBlock);

    public void Unhealthy(string description) => Set(HealthStatus.Unhealthy, description, Report.IndexedBlock, Report.HeadBlock);

    private void Set(HealthStatus status, string description, long? indexed, long? head) =>
        Volatile.Write(ref _report, new IndexerHealthReport(status, description, indexed, head, DateTimeOffset.UtcNow));
}

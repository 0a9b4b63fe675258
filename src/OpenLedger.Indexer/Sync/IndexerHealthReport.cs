namespace OpenLedger.Indexer.Sync;

/// <summary>A consistent snapshot of <see cref="IndexerHealth"/>.</summary>
public sealed record IndexerHealthReport(
    HealthStatus Status, string Description, long? IndexedBlock, long? HeadBlock, DateTimeOffset UpdatedAt);

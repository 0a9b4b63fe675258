namespace OpenLedger.Indexer.Sync;

public enum HealthStatus
{
    Starting,
    Healthy,

    /// <summary>Reads are failing but being retried.</summary>
    Degraded,

    /// <summary>Progress has stopped: a permanent error, or transient ones that do not go away.</summary>
    Unhealthy,
}

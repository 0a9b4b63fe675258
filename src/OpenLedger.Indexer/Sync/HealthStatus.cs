namespace OpenLedger.Indexer.Sync;

public enum HealthStatus
{
    Starting,
    Healthy,

    /// <summary>An indexer waiting for the leader lease, or an API replica serving what the leader indexes.</summary>
    Standby,

    /// <summary>Reads are failing but being retried.</summary>
    Degraded,

    /// <summary>Progress has stopped: a permanent error, or transient ones that do not go away.</summary>
    Unhealthy,
}

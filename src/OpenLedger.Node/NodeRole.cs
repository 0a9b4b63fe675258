namespace OpenLedger.Node;

/// <summary>
/// What one node process does (setting Node:Role, <c>node run --role</c>). <see cref="All"/> is the single process of
/// before; beside one database server, one <see cref="Indexer"/> (plus standbys) writes and any number of
/// <see cref="Api"/> replicas read.
/// </summary>
public enum NodeRole
{
    /// <summary>Indexer, query API, epoch intake and relay in one process.</summary>
    All,

    /// <summary>The writer: indexer (leader or standby), epoch intake and relay, /health and /status; no query routes.</summary>
    Indexer,

    /// <summary>A read replica: the query API, /health and /status over the shared store; writes nothing, holds no key.</summary>
    Api,
}

namespace OpenLedger.Node.Health;

/// <summary>
/// What /status and /health report: the indexer's state, the last indexed block (the cursor), the node's head as
/// last seen and how far behind the cursor is.
/// </summary>
public sealed record NodeStatus(
    bool Healthy, string Status, string Description, long? Cursor, string? CursorHash, long? Head, long? Lag, DateTimeOffset UpdatedAt);

namespace OpenLedger.Node.Health;

/// <summary>One check of /health: healthy, degraded or unhealthy, why, and its figures.</summary>
public sealed record HealthCheckEntry(string Status, string? Description, IReadOnlyDictionary<string, object> Data);

using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OpenLedger.Node.Health;

/// <summary>The body of /health: the overall status and each check's status, description and data (cursor, head, lag).</summary>
public sealed record HealthResponse(string Status, IReadOnlyDictionary<string, HealthCheckEntry> Checks)
{
    public static HealthResponse From(HealthReport report) => new(
        Name(report.Status),
        report.Entries.ToDictionary(e => e.Key, e => new HealthCheckEntry(Name(e.Value.Status), e.Value.Description, e.Value.Data)));

    private static string Name(HealthStatus status) => status.ToString().ToLowerInvariant();
}

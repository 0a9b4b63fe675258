using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenLedger.Indexer.Sync;

namespace OpenLedger.Node.Health;

/// <summary>
/// Unhealthy once the indexer has stopped on a permanent error (or keeps failing); degraded while reads are being
/// retried. The API keeps serving what is indexed either way, so the check says whether the data is still moving.
/// </summary>
public sealed class IndexerHealthCheck(NodeStatusReader statusReader) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = await statusReader.ReadAsync(cancellationToken);
        var data = new Dictionary<string, object>
        {
            ["status"] = status.Status,
            ["cursor"] = (object?)status.Cursor ?? "none",
            ["head"] = (object?)status.Head ?? "unknown",
            ["lag"] = (object?)status.Lag ?? "unknown",
        };
        return status.Status switch
        {
            "unhealthy" => HealthCheckResult.Unhealthy(status.Description, data: data),
            "degraded" => HealthCheckResult.Degraded(status.Description, data: data),
            _ => HealthCheckResult.Healthy(status.Description, data),
        };
    }
}

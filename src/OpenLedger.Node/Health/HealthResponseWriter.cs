using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OpenLedger.Node.Health;

/// <summary>Writes /health as JSON: overall status plus each check's description and data (cursor, head, lag).</summary>
public static class HealthResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var body = new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString().ToLowerInvariant(),
                description = e.Value.Description,
                data = e.Value.Data,
            }),
        };
        return context.Response.WriteAsJsonAsync(body, context.RequestAborted);
    }
}

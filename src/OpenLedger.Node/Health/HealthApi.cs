using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OpenLedger.Node.Health;

/// <summary>
/// GET /health as a route of the API, so that the OpenAPI document lists it with its body (MapHealthChecks'
/// endpoint is not a route the document generator sees). Same answers: 200 when healthy or degraded, 503 when unhealthy.
/// </summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", GetAsync).WithName("GetHealth").WithTags("Status")
            .WithSummary("Overall health and each check's status, description and data; 503 when unhealthy")
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    private static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> GetAsync(
        HealthCheckService checks, HttpContext http, CancellationToken ct)
    {
        var report = await checks.CheckHealthAsync(ct);
        // As MapHealthChecks does: a health answer is never served from a cache.
        http.Response.Headers.CacheControl = "no-store, no-cache";
        var body = HealthResponse.From(report);
        return report.Status == HealthStatus.Unhealthy
            ? TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(body);
    }
}

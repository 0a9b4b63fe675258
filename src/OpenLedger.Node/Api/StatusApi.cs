using OpenLedger.Node.Health;

namespace OpenLedger.Node.Api;

public static class StatusApi
{
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/status", async (NodeStatusReader status, CancellationToken ct) => TypedResults.Ok(await status.ReadAsync(ct)))
            .WithName("GetStatus").WithTags("Status")
            .WithSummary("Indexer cursor, node head, lag and health");
        return routes;
    }
}

using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Node.Epochs;

/// <summary>POST /reports (authenticated, writing roles), and the stored report and distribution of each posted epoch (every role).</summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/reports", SubmitReport).WithTags("Epochs").WithName("SubmitReport")
            .WithSummary("Submits a performance report: checked against the chain, attributed, stored and posted as the epoch (bearer token)")
            .Accepts<object>("application/json")
            .Produces<EpochSubmission>(StatusCodes.Status201Created).Produces<EpochSubmission>()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    /// <summary>
    /// The stored report and distribution of each posted epoch, in every role: the writer serves the reportURI it
    /// posted, and replicas on a PostgreSQL store read the same epochs from the shared database.
    /// </summary>
    public static IEndpointRouteBuilder MapStoredReportsApi(this IEndpointRouteBuilder routes)
    {
        var epoch = routes.MapGroup("/models/{modelId}/epochs/{epoch}").WithTags("Epochs");
        epoch.MapGet("/report", (IEpochStore store, HttpContext http, string modelId, string epoch, CancellationToken ct) =>
                StoredAsync(store, http, modelId, epoch, IEpochStore.Reports, ct))
            .WithName("GetEpochReport").WithSummary("The posted report's exact bytes; the ETag is their keccak256, the reportHash on chain");
        epoch.MapGet("/distribution", (IEpochStore store, HttpContext http, string modelId, string epoch, CancellationToken ct) =>
                StoredAsync(store, http, modelId, epoch, IEpochStore.Distributions, ct))
            .WithName("GetEpochDistribution").WithSummary("The distribution this node built and posted: leaves, proofs, values; the ETag is its keccak256");
        return routes;
    }

    private static async Task<Results<Created<EpochSubmission>, Ok<EpochSubmission>, ProblemHttpResult>> SubmitReport(HttpContext http, EpochSubmitter submitter, IOptions<EpochOptions> options, CancellationToken ct)
    {
        var settings = options.Value;
        if (settings.ApiToken.Length == 0)
            return Problem(StatusCodes.Status403Forbidden, "Reports are not accepted", "this node accepts no reports over HTTP: Epochs:ApiToken is not configured");
        switch (BearerToken.Check(http.Request.Headers.Authorization, settings.ApiToken))
        {
            case BearerToken.Verdict.Missing:
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return Problem(StatusCodes.Status401Unauthorized, "Authentication required", "send the node's report token as 'Authorization: Bearer <token>'");
            case BearerToken.Verdict.Wrong:
                return Problem(StatusCodes.Status403Forbidden, "Forbidden", "the bearer token is not this node's report token");
        }
        var body = await ReadLimitedAsync(http, settings.MaxReportBytes, ct);
        if (body is null)
            return Problem(StatusCodes.Status413PayloadTooLarge, "Report too large", $"a report may be at most {settings.MaxReportBytes} bytes");
        var outcome = await submitter.SubmitAsync(body, "POST /reports", ct);
        return outcome.Status switch
        {
            SubmissionStatus.Posted => TypedResults.Created(outcome.Submission!.ReportUri, outcome.Submission),
            SubmissionStatus.AlreadyPosted => TypedResults.Ok(outcome.Submission),
            SubmissionStatus.Conflict => Problem(StatusCodes.Status409Conflict, "Epoch already posted", outcome.Detail),
            SubmissionStatus.Failed => Problem(StatusCodes.Status502BadGateway, "The epoch could not be posted", outcome.Detail),
            SubmissionStatus.Unavailable => Problem(StatusCodes.Status503ServiceUnavailable, "This node is not the leader", outcome.Detail),
            _ => (Results<Created<EpochSubmission>, Ok<EpochSubmission>, ProblemHttpResult>)TypedResults.Problem(new HttpValidationProblemDetails(outcome.Problems.GroupBy(p => p.Path.Length == 0 ? "report" : p.Path)
                .ToDictionary(g => g.Key, g => g.Select(p => p.Problem).ToArray()))
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The report was rejected",
                Detail = outcome.Detail,
                Type = "https://tools.ietf.org/html/rfc9110#section-15.5.21",
            }),
        };
    }

    /// <summary>The body, or null when it is larger than <paramref name="limit"/> (declared or actual).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(HttpContext http, long limit, CancellationToken ct)
    {
        if (http.Request.ContentLength > limit) return null;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit + 1;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> StoredAsync(IEpochStore store, HttpContext http, string modelId, string epoch, string kind, CancellationToken ct)
    {
        if (!long.TryParse(modelId, out var m) || m < 0 || !long.TryParse(epoch, out var e) || e < 0)
            return Problem(StatusCodes.Status400BadRequest, "The request has invalid parameters", $"modelId and epoch must be non-negative integers but are '{modelId}' and '{epoch}'");
        var posted = await store.GetPostedAsync(m, e, ct);
        if (posted is null) return Problem(StatusCodes.Status404NotFound, "Not found", $"this node has posted no report for model {m} epoch {e}");
        var hash = kind == IEpochStore.Reports ? posted.ReportHash : posted.DistributionHash;
        var etag = $"\"{hash}\"";
        http.Response.Headers.ETag = etag;
        if (http.Request.Headers.IfNoneMatch.Contains(etag)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        var bytes = await store.ReadAsync(kind, hash, ct);
        if (bytes is null || Keccak.Hash(bytes).ToString() != hash)
            return Problem(StatusCodes.Status500InternalServerError, "Stored report or distribution missing or altered", $"the stored {kind[..^1]} {hash} of model {m} epoch {e} is missing from the epoch store or does not match its hash");
        return TypedResults.Bytes(bytes, "application/json");
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) => TypedResults.Problem(new ProblemDetails
    {
        Status = status, Title = title, Detail = detail,
    });
}

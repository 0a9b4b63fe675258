using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace OpenLedger.Node.Api;

/// <summary>
/// A 404 answered as RFC 7807 problem details (application/problem+json) saying what was looked for. The built-in
/// NotFound&lt;ProblemDetails&gt; writes application/json; this result keeps the typed signature for OpenAPI and the
/// problem media type on the wire.
/// </summary>
public sealed class NotFoundProblem : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult<ProblemDetails>,
    IValueHttpResult, IContentTypeHttpResult
{
    private const string MediaType = "application/problem+json";

    private NotFoundProblem(ProblemDetails value) => Value = value;

    public ProblemDetails Value { get; }

    object? IValueHttpResult.Value => Value;

    public int StatusCode => StatusCodes.Status404NotFound;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public string ContentType => MediaType;

    public static NotFoundProblem Of(string detail) => new(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Not found",
        Detail = detail,
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
    });

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Problem(Value).ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status404NotFound, typeof(ProblemDetails), [MediaType]));
}

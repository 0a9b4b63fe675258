using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace OpenLedger.Node.Api;

/// <summary>404 answers as RFC 7807 problem details saying what was looked for.</summary>
public static class NotFoundProblem
{
    public static NotFound<ProblemDetails> Of(string detail) => TypedResults.NotFound(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Not found",
        Detail = detail,
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
    });
}

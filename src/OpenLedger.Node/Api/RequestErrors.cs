using Microsoft.AspNetCore.Http.HttpResults;

namespace OpenLedger.Node.Api;

/// <summary>Collects what is wrong with a request, per parameter, and turns it into an RFC 7807 validation problem (400).</summary>
public sealed class RequestErrors
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string parameter, string message) =>
        _errors[parameter] = _errors.TryGetValue(parameter, out var existing) ? [.. existing, message] : [message];

    public ValidationProblem ToProblem() => TypedResults.ValidationProblem(_errors,
        detail: string.Join("; ", _errors.SelectMany(e => e.Value)),
        title: "The request has invalid parameters",
        type: "https://tools.ietf.org/html/rfc9110#section-15.5.1");
}

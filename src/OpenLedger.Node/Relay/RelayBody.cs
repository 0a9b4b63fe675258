using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace OpenLedger.Node.Relay;

/// <summary>
/// Reads the JSON body of POST /relay/register itself rather than through model binding, which answers a malformed
/// body or a value of the wrong JSON type with a bare 400: here each becomes a refusal that names the field and what it must be.
/// A Content-Type other than JSON is answered by the route itself (415, as a problem through the status code pages).
/// </summary>
public static class RelayBody
{
    public static async Task<(RelayRegisterRequest? Body, RelayRefusal? Refusal)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var json = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var body = await JsonSerializer.DeserializeAsync<RelayRegisterRequest>(request.Body, json, ct);
            return body is null ? (null, Invalid("the body must be a JSON object but is null")) : (body, null);
        }
        catch (JsonException e)
        {
            return (null, Invalid(Explain(e)));
        }
    }

    private static RelayRefusal Invalid(string detail) => new(400, "Invalid request", detail);

    /// <summary>The field at the error's JSON path and what it must be, or where the JSON stops being JSON.</summary>
    private static string Explain(JsonException e)
    {
        var field = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
        var where = $"line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}";
        // A value of the wrong JSON type is reported with the path of its field; a syntax error is not a conversion error.
        if (field is not null && e.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
            return $"{field} must be {Expected(field)} ({where})";
        return $"the body is not valid JSON at {where}{(field is null ? "" : $" (in {field})")}: {FirstSentence(e.Message)}";
    }

    private static string Expected(string field) => field.ToLowerInvariant() switch
    {
        "kind" => "a JSON number: 0 (data), 1 (compute), 2 (finetune) or 3 (evaluation)",
        "permit" => "a JSON object { value, deadline, signature }",
        "uri" or "contenthash" or "contributor" or "signature" or "permit.signature" => "a JSON string",
        _ => "a JSON string holding a decimal integer (numbers are strings so that no precision is lost)",
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).TrimEnd();
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using OpenLedger.Indexer.Leadership;

namespace OpenLedger.Node.Relay;

/// <summary>
/// POST /relay/register: reads and parses the body, then hands the signed registration to <see cref="RelayService"/>.
/// Every refusal, from an unreadable body to a transaction that would revert, is a problem details response
/// (RFC 7807) whose detail says which check failed and with what values.
/// </summary>
public static class RelayApi
{
    public static async Task<Results<Ok<RelayRegisterResponse>, ProblemHttpResult>> RegisterAsync(HttpRequest request, RelayService relay,
        WriterStanding standing, CancellationToken ct)
    {
        // Only the leader relays: a standby holds the same relayer key, and two senders of one key race for its nonces.
        if (standing.Refusal is { } notLeader)
            return Refuse(new RelayRefusal(503, "This node is not the leader", $"{notLeader}; send registrations to the leader"));
        var (body, unreadable) = await RelayBody.ReadAsync(request, ct);
        if (unreadable is { } refused) return Refuse(refused);
        if (RelayRequestParser.Parse(body!, out var message, out var signature, out var permit) is { } invalid)
            return Refuse(new RelayRefusal(400, "Invalid request", invalid));
        var (response, refusal) = await relay.RegisterAsync(message, signature, permit, ct);
        return response is not null ? TypedResults.Ok(response) : Refuse(refusal!.Value);
    }

    private static ProblemHttpResult Refuse(RelayRefusal refusal) =>
        TypedResults.Problem(detail: refusal.Detail, statusCode: refusal.Status, title: refusal.Title);
}

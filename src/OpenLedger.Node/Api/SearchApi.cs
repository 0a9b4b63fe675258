using Microsoft.AspNetCore.Http.HttpResults;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Indexer.Store;

namespace OpenLedger.Node.Api;

/// <summary>
/// GET /search?q=: one box for every key a person has at hand. A decimal number is a model id; 0x and 40 hex digits an
/// address; 0x and 64 hex digits a contribution id, a content hash or a transaction hash, whichever the index holds.
/// </summary>
public static class SearchApi
{
    private const string Expected =
        "a model id (decimal), an address (0x and 40 hex digits), or a contribution id, content hash or transaction hash (0x and 64 hex digits)";

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/search", Search).WithName("Search").WithTags("Search")
            .WithSummary("Finds models by id, accounts by address, contributions by id or content hash and transactions by hash");
        return routes;
    }

    private static async Task<Results<Ok<SearchResult>, NotFoundProblem, ValidationProblem>> Search(
        IIndexReader reader, string? q, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var query = q?.Trim() ?? "";
        if (query.Length == 0)
        {
            errors.Add("q", $"q is required: {Expected}");
            return errors.ToProblem();
        }
        if (query.All(char.IsAsciiDigit))
        {
            var id = ApiInput.Uint256(errors, "q", query);
            if (errors.Any) return errors.ToProblem();
            var model = await ModelsApi.FindAsync(reader, id!.Value, ct);
            return model is null ? ModelsApi.Missing(query) : Found(query, [new SearchMatch("model", ModelId: model.ModelId)]);
        }
        if (!query.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || !Hex.IsValid("0x" + query[2..]) || query.Length is not (42 or 66))
        {
            errors.Add("q", $"q must be {Expected} but is '{Shorten(query)}' ({query.Length} characters)");
            return errors.ToProblem();
        }
        if (query.Length == 42)
        {
            var account = ApiInput.Address(errors, "q", query);
            if (errors.Any) return errors.ToProblem();
            return Found(query, [new SearchMatch("account", Account: account)]);
        }
        var hash = Hash32.Parse(query.ToLowerInvariant());
        var matches = new List<SearchMatch>();
        if (await reader.GetContributionAsync(hash, ct) is { } byId)
            matches.Add(new SearchMatch("contribution", ModelId: byId.ModelId, Account: byId.Contributor, ContributionId: byId.Id));
        foreach (var c in await reader.ListContributionsByContentHashAsync(hash, ct))
            matches.Add(new SearchMatch("content", ModelId: c.ModelId, Account: c.Contributor, ContributionId: c.Id));
        foreach (var e in await reader.ListTransactionEventsAsync(hash, ct))
            matches.Add(new SearchMatch("transaction", e.ModelId, e.Epoch, e.Account, e.ContributionId, e.Event));
        if (matches.Count > 0) return Found(query, matches);
        var cursor = await reader.GetCursorAsync(ct);
        return NotFoundProblem.Of($"nothing indexed (up to block {cursor?.Number.ToString() ?? "none"}) has the contribution id, content hash or transaction hash {hash}");
    }

    private static Ok<SearchResult> Found(string query, IReadOnlyList<SearchMatch> matches) => TypedResults.Ok(new SearchResult(query, matches));

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}

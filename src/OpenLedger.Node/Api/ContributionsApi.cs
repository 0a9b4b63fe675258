using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Indexer.Decoding;
using OpenLedger.Indexer.Store;
using OpenLedger.Indexer.Store.Views;
using OpenLedger.Node.Paging;

namespace OpenLedger.Node.Api;

public static class ContributionsApi
{
    internal const string CursorScope = "contribution";

    public static IEndpointRouteBuilder MapContributionsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/models/{modelId}/contributions", ListForModel).WithTags("Contributions").WithName("ListModelContributions")
            .WithSummary("A model's contributions in registration order, filtered by contributor, kind, status (keyset paged)");
        routes.MapGet("/models/{modelId}/contributions/by-hash/{contentHash}", GetByHash).WithTags("Contributions")
            .WithName("GetContributionByHash").WithSummary("The contribution of a model with this content hash");
        routes.MapGet("/contributions/{id}", GetById).WithTags("Contributions").WithName("GetContribution")
            .WithSummary("A contribution by its id, keccak256(abi.encode(modelId, contentHash))");
        routes.MapGet("/contributions/{id}/flags", ListFlags).WithTags("Contributions").WithName("ListContributionFlags")
            .WithSummary("A contribution's flags and dismissals with the validators' reasons, in chain order");
        return routes;
    }

    private static async Task<Results<Ok<Page<ContributionView>>, NotFoundProblem, ValidationProblem>> ListForModel(
        HttpRequest request, IIndexReader reader, string modelId,
        string? contributor, string? kind, string? status, string? limit, string? cursor, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var id = ApiInput.Uint256(errors, "modelId", modelId);
        var account = contributor is null ? null : ApiInput.Address(errors, "contributor", contributor);
        var filter = Filter(errors, kind, status, limit, cursor) with { Contributor = account };
        if (errors.Any) return errors.ToProblem();
        var model = await ModelsApi.FindAsync(reader, id!.Value, ct);
        if (model is null) return ModelsApi.Missing(modelId);
        return TypedResults.Ok(await PageAsync(request, reader, filter with { ModelId = model.ModelId }, ct));
    }

    private static async Task<Results<Ok<ContributionView>, NotFoundProblem, ValidationProblem>> GetByHash(
        IIndexReader reader, string modelId, string contentHash, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var id = ApiInput.Uint256(errors, "modelId", modelId);
        var hash = ApiInput.Hash(errors, "contentHash", contentHash);
        if (errors.Any) return errors.ToProblem();
        var model = await ModelsApi.FindAsync(reader, id!.Value, ct);
        if (model is null) return ModelsApi.Missing(modelId);
        var contribution = await reader.GetContributionAsync(ContributionIds.Of(model.ModelId, Hash32.Parse(hash!)), ct);
        return contribution is null
            ? NotFoundProblem.Of($"model {modelId} has no contribution with content hash {hash}")
            : TypedResults.Ok(contribution);
    }

    private static async Task<Results<Ok<ContributionView>, NotFoundProblem, ValidationProblem>> GetById(
        IIndexReader reader, string id, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var key = ApiInput.Hash(errors, "id", id);
        if (errors.Any) return errors.ToProblem();
        var contribution = await reader.GetContributionAsync(Hash32.Parse(key!), ct);
        return contribution is null ? NotFoundProblem.Of($"no contribution {key} is indexed") : TypedResults.Ok(contribution);
    }

    private static async Task<Results<Ok<IReadOnlyList<FlagView>>, NotFoundProblem, ValidationProblem>> ListFlags(
        IIndexReader reader, string id, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var key = ApiInput.Hash(errors, "id", id);
        if (errors.Any) return errors.ToProblem();
        var hash = Hash32.Parse(key!);
        if (await reader.GetContributionAsync(hash, ct) is null) return NotFoundProblem.Of($"no contribution {key} is indexed");
        return TypedResults.Ok(await reader.ListFlagsAsync(hash, ct));
    }

    /// <summary>The kind, status, limit and cursor parameters shared by every contribution list.</summary>
    internal static ContributionQuery Filter(RequestErrors errors, string? kind, string? status, string? limit, string? cursor)
    {
        var after = ApiInput.ChainCursor(errors, cursor, CursorScope, 3);
        return new ContributionQuery(
            Kind: ApiInput.Kind(errors, kind), Status: ApiInput.Status(errors, status), Limit: ApiInput.Limit(errors, limit),
            After: after is null ? null : (after[0], (int)after[1], (int)after[2]));
    }

    internal static async Task<Page<ContributionView>> PageAsync(HttpRequest request, IIndexReader reader, ContributionQuery filter, CancellationToken ct)
    {
        var rows = (await reader.ListContributionsAsync(filter with { Limit = filter.Limit + 1 }, ct)).ToList();
        return PageLinks.Build(request, rows, filter.Limit, c => PageCursor.Encode(CursorScope, c.RegisteredBlock, c.LogIndex, c.BatchIndex));
    }
}

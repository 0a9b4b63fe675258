using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenLedger.Indexer.Store;
using OpenLedger.Indexer.Store.Views;
using OpenLedger.Node.Paging;

namespace OpenLedger.Node.Api;

public static partial class ModelsApi
{
    internal const string CursorScope = "model";

    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder routes)
    {
        var models = routes.MapGroup("/models").WithTags("Models");
        models.MapGet("", ListModels).WithName("ListModels").WithSummary("Models in id order (keyset paged)");
        models.MapGet("/{modelId}", GetModel).WithName("GetModel").WithSummary("A model with its current policy and validators");
        models.MapGet("/{modelId}/revenue", GetRevenue).WithName("GetModelRevenue")
            .WithSummary("Sums of the model's revenue events: deposited, its split to owner, reward pool and holders, withdrawn by holders");
        models.MapGet("/{modelId}/holders", ListHolders).WithName("ListModelHolders")
            .WithSummary("Accounts holding shares of the model, largest holding first");
        return routes;
    }

    private static async Task<Results<Ok<Page<ModelView>>, ValidationProblem>> ListModels(
        HttpRequest request, IIndexReader reader, string? limit, string? cursor, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var take = ApiInput.Limit(errors, limit);
        var after = ApiInput.Cursor(errors, cursor, CursorScope, 1);
        if (errors.Any) return errors.ToProblem();
        var rows = (await reader.ListModelsAsync(after?[0] ?? 0, take + 1, ct)).ToList();
        return TypedResults.Ok(PageLinks.Build(request, rows, take, m => PageCursor.Encode(CursorScope, m.ModelId)));
    }

    private static async Task<Results<Ok<ModelDetail>, NotFoundProblem, ValidationProblem>> GetModel(
        IIndexReader reader, string modelId, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var id = ApiInput.Uint256(errors, "modelId", modelId);
        if (errors.Any) return errors.ToProblem();
        var model = await FindAsync(reader, id!.Value, ct);
        if (model is null) return Missing(modelId);
        var validators = await reader.ListValidatorsAsync(model.ModelId, ct);
        return TypedResults.Ok(new ModelDetail(model, [.. validators.Where(v => v.Allowed).Select(v => v.Validator)]));
    }

    /// <summary>The indexed model with this id, or null (ids beyond the store's 64-bit keys are never indexed).</summary>
    internal static async Task<ModelView?> FindAsync(IIndexReader reader, UintId id, CancellationToken ct) =>
        id.Value is { } key ? await reader.GetModelAsync(key, ct) : null;

    internal static NotFoundProblem Missing(string modelId) => NotFoundProblem.Of($"no model {modelId} is indexed");
}

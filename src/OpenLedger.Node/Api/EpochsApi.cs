using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenLedger.Indexer.Store;
using OpenLedger.Node.Chain;
using OpenLedger.Node.Distributions;

namespace OpenLedger.Node.Api;

public static class EpochsApi
{
    public static IEndpointRouteBuilder MapEpochsApi(this IEndpointRouteBuilder routes)
    {
        var epochs = routes.MapGroup("/models/{modelId}/epochs").WithTags("Epochs");
        epochs.MapGet("", ListEpochs).WithName("ListEpochs")
            .WithSummary("A model's epochs with status posted/challengeable/claimable/vetoed at the indexed chain time, the sealed evaluation set and the attribution's precision (LDS)");
        epochs.MapGet("/{epoch}/evaluation", GetEvaluation).WithName("GetEpochEvaluation")
            .WithSummary("The evaluation set sealed on chain for the epoch (its test set hash, block and transaction), before or after it is posted");
        epochs.MapGet("/{epoch}/proofs/{account}", GetProof).WithName("GetEpochProof")
            .WithSummary("An account's amounts and Merkle proof from the distribution this node built for the epoch");
        return routes;
    }

    private static async Task<Results<Ok<EpochList>, NotFoundProblem, ValidationProblem>> ListEpochs(
        IIndexReader reader, ChainClock clock, IServiceProvider services, string modelId, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var id = ApiInput.Uint256(errors, "modelId", modelId);
        if (errors.Any) return errors.ToProblem();
        var model = await ModelsApi.FindAsync(reader, id!.Value, ct);
        if (model is null) return ModelsApi.Missing(modelId);
        var now = await ChainTimeAsync(reader, clock, ct);
        var epochs = await reader.ListEpochsAsync(model.ModelId, ct);
        var sealedSets = (await reader.ListEvaluationCommitmentsAsync(model.ModelId, ct)).DistinctBy(c => c.Epoch).ToDictionary(c => c.Epoch);
        // The precision is the distribution's: this node's, for the epochs it built (no store is registered without the submitter).
        var store = services.GetService<IDistributionStore>();
        var result = new List<EpochResponse>(epochs.Count);
        foreach (var e in epochs)
        {
            var precision = store is null ? null : (await store.TryGetAsync(model.ModelId, e.Epoch, ct))?.Precision;
            result.Add(new EpochResponse(EpochResponse.StatusOf(e, now), e, sealedSets.TryGetValue(e.Epoch, out var c) ? EvaluationResponse.Of(c) : null, precision));
        }
        return TypedResults.Ok(new EpochList(model.ModelId, now, result));
    }

    private static async Task<Results<Ok<EvaluationResponse>, NotFoundProblem, ValidationProblem>> GetEvaluation(
        IIndexReader reader, string modelId, string epoch, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var id = ApiInput.Uint256(errors, "modelId", modelId);
        var number = ApiInput.Uint256(errors, "epoch", epoch);
        if (errors.Any) return errors.ToProblem();
        var model = await ModelsApi.FindAsync(reader, id!.Value, ct);
        if (model is null) return ModelsApi.Missing(modelId);
        var committed = number!.Value.Value is { } e ? await reader.GetEvaluationCommitmentAsync(model.ModelId, e, ct) : null;
        if (committed is null)
        {
            var cursor = await reader.GetCursorAsync(ct);
            return NotFoundProblem.Of($"model {modelId} has no evaluation set committed for epoch {epoch} (indexed up to block {cursor?.Number.ToString() ?? "none"})");
        }
        return TypedResults.Ok(EvaluationResponse.Of(committed));
    }

    private static async Task<Results<Ok<EpochProof>, NotFoundProblem, ValidationProblem>> GetProof(
        IIndexReader reader, IServiceProvider services, string modelId, string epoch, string account, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var id = ApiInput.Uint256(errors, "modelId", modelId);
        var number = ApiInput.Uint256(errors, "epoch", epoch);
        var address = ApiInput.Address(errors, "account", account);
        if (errors.Any) return errors.ToProblem();
        var model = await ModelsApi.FindAsync(reader, id!.Value, ct);
        if (model is null) return ModelsApi.Missing(modelId);
        var posted = number!.Value.Value is { } e ? await reader.GetEpochAsync(model.ModelId, e, ct) : null;
        if (posted is null) return NotFoundProblem.Of($"model {modelId} has no epoch {epoch} posted");
        // No implementation is registered until the epoch submitter stores the distributions it builds.
        var store = services.GetService<IDistributionStore>();
        var distribution = store is null ? null : await store.TryGetAsync(model.ModelId, posted.Epoch, ct);
        if (distribution is null) return NotFoundProblem.Of($"this node has no distribution for model {modelId} epoch {epoch}");
        var leaf = distribution.Leaves.FirstOrDefault(l => string.Equals(l.Account, address, StringComparison.OrdinalIgnoreCase));
        if (leaf is null) return NotFoundProblem.Of($"account {address} has no leaf in the distribution of model {modelId} epoch {epoch}");
        var claimed = (await reader.ListClaimsAsync(model.ModelId, posted.Epoch, address, ct)).Count > 0;
        return TypedResults.Ok(new EpochProof(model.ModelId, posted.Epoch, address!, leaf.Index, leaf.OpenAmount, leaf.ShareAmount,
            leaf.Proof, distribution.Root, string.Equals(distribution.Root, posted.Root, StringComparison.OrdinalIgnoreCase), claimed));
    }

    /// <summary>Timestamp of the indexed cursor block, or null before the first range or when the node cannot say.</summary>
    internal static async Task<long?> ChainTimeAsync(IIndexReader reader, ChainClock clock, CancellationToken ct) =>
        await reader.GetCursorAsync(ct) is { } cursor ? await clock.TimestampOfAsync(cursor, ct) : null;
}

using System.Numerics;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenLedger.Indexer.Store;
using OpenLedger.Indexer.Store.Views;

namespace OpenLedger.Node.Api;

public static partial class ModelsApi
{
    private static async Task<Results<Ok<RevenueSummaryView>, NotFoundProblem, ValidationProblem>> GetRevenue(
        IIndexReader reader, string modelId, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var id = ApiInput.Uint256(errors, "modelId", modelId);
        if (errors.Any) return errors.ToProblem();
        var model = await FindAsync(reader, id!.Value, ct);
        if (model is null) return Missing(modelId);
        return TypedResults.Ok(await reader.GetRevenueSummaryAsync(model.ModelId, ct));
    }

    private static async Task<Results<Ok<IReadOnlyList<ShareBalanceView>>, NotFoundProblem, ValidationProblem>> ListHolders(
        IIndexReader reader, string modelId, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var id = ApiInput.Uint256(errors, "modelId", modelId);
        if (errors.Any) return errors.ToProblem();
        var model = await FindAsync(reader, id!.Value, ct);
        if (model is null) return Missing(modelId);
        var balances = await reader.ListShareBalancesAsync(model.ModelId, null, ct);
        return TypedResults.Ok<IReadOnlyList<ShareBalanceView>>([.. balances.Where(b => b.Balance != "0")
            .OrderByDescending(b => BigInteger.Parse(b.Balance)).ThenBy(b => b.Account, StringComparer.Ordinal)]);
    }
}

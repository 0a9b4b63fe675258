using System.Numerics;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenLedger.Indexer.Store;
using OpenLedger.Indexer.Store.Views;
using OpenLedger.Node.Chain;
using OpenLedger.Node.Paging;

namespace OpenLedger.Node.Api;

public static partial class AccountsApi
{
    internal const string ClaimScope = "claim";

    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder routes)
    {
        var accounts = routes.MapGroup("/accounts/{address}").WithTags("Accounts");
        accounts.MapGet("/contributions", ListContributions).WithName("ListAccountContributions")
            .WithSummary("An account's contributions over every model, filtered by modelId, kind, status (keyset paged)");
        accounts.MapGet("/bonds", ListBonds).WithName("ListAccountBonds")
            .WithSummary("An account's contributions that carried a bond: bond posted, bond remaining, status (keyset paged)");
        accounts.MapGet("/shares", ListShares).WithName("ListAccountShares").WithSummary("Model shares the account holds");
        accounts.MapGet("/revenue", GetRevenue).WithName("GetAccountRevenue")
            .WithSummary("Per model: shares held, revenue withdrawn by the account, revenue deposited for holders, withdrawable now (on chain at the cursor block)");
        accounts.MapGet("/claims", ListClaims).WithName("ListAccountClaims").WithSummary("Reward claims paid to the account (keyset paged)");
        accounts.MapGet("/unclaimed-epochs", ListUnclaimedEpochs).WithName("ListAccountUnclaimedEpochs")
            .WithSummary("Epochs the account may still claim from; see 'basis' for how they were derived");
        return routes;
    }

    private static async Task<Results<Ok<Page<ContributionView>>, ValidationProblem>> ListContributions(
        HttpRequest request, IIndexReader reader, string address, string? modelId, string? kind, string? status, string? limit,
        string? cursor, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var account = ApiInput.Address(errors, "address", address);
        var model = modelId is null ? null : ApiInput.Uint256(errors, "modelId", modelId);
        var filter = ContributionsApi.Filter(errors, kind, status, limit, cursor);
        if (errors.Any) return errors.ToProblem();
        // A model id beyond the store's keys matches nothing; -1 is never a model id.
        filter = filter with { Contributor = account, ModelId = model is null ? null : model.Value.Value ?? -1 };
        return TypedResults.Ok(await ContributionsApi.PageAsync(request, reader, filter, ct));
    }

    private static async Task<Results<Ok<Page<ContributionView>>, ValidationProblem>> ListBonds(
        HttpRequest request, IIndexReader reader, string address, string? status, string? limit, string? cursor, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var account = ApiInput.Address(errors, "address", address);
        var filter = ContributionsApi.Filter(errors, null, status, limit, cursor);
        if (errors.Any) return errors.ToProblem();
        return TypedResults.Ok(await ContributionsApi.PageAsync(request, reader, filter with { Contributor = account, BondedOnly = true }, ct));
    }

    private static async Task<Results<Ok<IReadOnlyList<ShareBalanceView>>, ValidationProblem>> ListShares(
        IIndexReader reader, string address, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var account = ApiInput.Address(errors, "address", address);
        if (errors.Any) return errors.ToProblem();
        var balances = await reader.ListShareBalancesAsync(null, account, ct);
        return TypedResults.Ok<IReadOnlyList<ShareBalanceView>>([.. balances.Where(b => b.Balance != "0")]);
    }

    private static async Task<Results<Ok<AccountRevenue>, ValidationProblem>> GetRevenue(
        IIndexReader reader, RevenueReader chain, string address, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var account = ApiInput.Address(errors, "address", address);
        if (errors.Any) return errors.ToProblem();
        var cursor = await reader.GetCursorAsync(ct);
        var balances = (await reader.ListShareBalancesAsync(null, account, ct)).ToDictionary(b => b.ModelId, b => b.Balance);
        var withdrawals = (await reader.ListRevenueWithdrawalsAsync(account!, ct)).ToLookup(w => w.ModelId);
        var models = new List<ModelRevenue>();
        foreach (var modelId in balances.Keys.Union(withdrawals.Select(w => w.Key)).Order())
        {
            var summary = await reader.GetRevenueSummaryAsync(modelId, ct);
            var withdrawn = withdrawals[modelId].Aggregate(BigInteger.Zero, (s, w) => s + BigInteger.Parse(w.Amount));
            var withdrawable = cursor is { } at ? await chain.WithdrawableAsync(modelId, account!, at.Number, ct) : null;
            models.Add(new ModelRevenue(modelId, balances.GetValueOrDefault(modelId, "0"), withdrawn.ToString(),
                withdrawals[modelId].Count(), summary.ToHolders, withdrawable?.ToString()));
        }
        return TypedResults.Ok(new AccountRevenue(account!, models));
    }

    private static async Task<Results<Ok<Page<ClaimView>>, ValidationProblem>> ListClaims(
        HttpRequest request, IIndexReader reader, string address, string? limit, string? cursor, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var account = ApiInput.Address(errors, "address", address);
        var take = ApiInput.Limit(errors, limit);
        var after = ApiInput.ChainCursor(errors, cursor, ClaimScope, 2);
        if (errors.Any) return errors.ToProblem();
        var rows = (await reader.ListAccountClaimsAsync(account!, after is null ? null : (after[0], (int)after[1]), take + 1, ct)).ToList();
        return TypedResults.Ok(PageLinks.Build(request, rows, take, c => PageCursor.Encode(ClaimScope, c.BlockNumber, c.LogIndex)));
    }
}

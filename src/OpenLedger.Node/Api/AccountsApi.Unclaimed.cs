using Microsoft.AspNetCore.Http.HttpResults;
using OpenLedger.Indexer.Store;
using OpenLedger.Node.Chain;
using OpenLedger.Node.Distributions;

namespace OpenLedger.Node.Api;

public static partial class AccountsApi
{
    internal const string FromDistributions =
        "distributions stored by this node: epochs (not vetoed) where the account has a leaf and has not claimed";

    internal const string FromEvents =
        "events only, this node stores no distribution for these epochs: epochs (not vetoed) of models the account contributed to " +
        "and has not claimed from; whether the account has a leaf is unknown until the node stores the distribution";

    /// <summary>
    /// Epochs of the models an account contributed to or holds a leaf in, minus vetoed ones and those it already claimed.
    /// With an <see cref="IDistributionStore"/> the account's leaf decides; without one (or for an epoch it lacks)
    /// the epoch is listed with null leaf fields, as the events cannot say whether the account is in the tree.
    /// </summary>
    private static async Task<Results<Ok<UnclaimedEpochs>, ValidationProblem>> ListUnclaimedEpochs(
        IIndexReader reader, ChainClock clock, IServiceProvider services, string address, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var account = ApiInput.Address(errors, "address", address);
        if (errors.Any) return errors.ToProblem();
        var store = services.GetService<IDistributionStore>();
        var now = await EpochsApi.ChainTimeAsync(reader, clock, ct);
        var items = new List<UnclaimedEpoch>();
        var anyFromEvents = false;
        // Read once: the models the account contributed to decide both the candidates and the epochs known from events only.
        var contributed = (await reader.ListContributedModelsAsync(account!, ct)).ToHashSet();
        foreach (var modelId in store is null ? [.. contributed.Order()] : await AllModelsAsync(reader, ct))
        {
            var claimed = (await reader.ListClaimsAsync(modelId, null, account, ct)).Select(c => c.Epoch).ToHashSet();
            foreach (var epoch in await reader.ListEpochsAsync(modelId, ct))
            {
                if (epoch.Status == "vetoed" || claimed.Contains(epoch.Epoch)) continue;
                var status = EpochResponse.StatusOf(epoch, now);
                var distribution = store is null ? null : await store.TryGetAsync(modelId, epoch.Epoch, ct);
                if (distribution is null)
                {
                    if (!contributed.Contains(modelId)) continue;
                    anyFromEvents = true;
                    items.Add(new UnclaimedEpoch(modelId, epoch.Epoch, status, null, null, null));
                    continue;
                }
                var leaf = distribution.Leaves.FirstOrDefault(l => string.Equals(l.Account, account, StringComparison.OrdinalIgnoreCase));
                if (leaf is not null) items.Add(new UnclaimedEpoch(modelId, epoch.Epoch, status, leaf.Index, leaf.OpenAmount, leaf.ShareAmount));
            }
        }
        var basis = store is null || anyFromEvents ? FromEvents : FromDistributions;
        return TypedResults.Ok(new UnclaimedEpochs(account!, basis, items));
    }

    // A distribution may pay accounts that never contributed (e.g. evaluators credited by the report): look at every model.
    private static async Task<IReadOnlyList<long>> AllModelsAsync(IIndexReader reader, CancellationToken ct)
    {
        var models = new List<long>();
        for (var after = 0L; ;)
        {
            var page = await reader.ListModelsAsync(after, ApiInput.MaxLimit, ct);
            models.AddRange(page.Select(m => m.ModelId));
            if (page.Count < ApiInput.MaxLimit) return models;
            after = page[^1].ModelId;
        }
    }
}

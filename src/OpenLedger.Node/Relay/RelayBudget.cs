using System.Numerics;
using Microsoft.Extensions.Options;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Node.Relay;

/// <summary>
/// The gas the relayer agrees to spend per contributor and per model in each <see cref="RelayOptions.BudgetPeriod"/>
/// (fixed periods counted from the Unix epoch). A send first reserves its gas limit against both budgets; once mined,
/// the reservation is settled to the gas the receipt says was used. Kept in memory: a restarted node starts afresh,
/// which the per-model budget bounds to one more period's worth.
/// </summary>
public sealed class RelayBudget(IOptions<RelayOptions> options)
{
    private readonly RelayOptions _options = options.Value;
    private readonly Dictionary<string, (long Period, long Spent)> _spent = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Reserves <paramref name="gas"/>; returns the refusal naming the budget that is short, or null.</summary>
    public RelayRefusal? TryReserve(Address contributor, BigInteger model, long gas)
    {
        var period = CurrentPeriod();
        var contributorKey = ContributorKey(contributor);
        var modelKey = ModelKey(model);
        lock (_gate)
        {
            var byContributor = Spent(contributorKey, period);
            if (byContributor + gas > _options.ContributorGasBudget)
                return Refusal($"contributor {contributor}", byContributor, _options.ContributorGasBudget, gas, period);
            var byModel = Spent(modelKey, period);
            if (byModel + gas > _options.ModelGasBudget)
                return Refusal($"model {model}", byModel, _options.ModelGasBudget, gas, period);
            _spent[contributorKey] = (period, byContributor + gas);
            _spent[modelKey] = (period, byModel + gas);
            return null;
        }
    }

    /// <summary>Gives back what a reservation of <paramref name="reserved"/> did not use (all of it when nothing was sent).</summary>
    public void Settle(Address contributor, BigInteger model, long reserved, long used)
    {
        var period = CurrentPeriod();
        lock (_gate)
        {
            foreach (var key in new[] { ContributorKey(contributor), ModelKey(model) })
                if (_spent.TryGetValue(key, out var entry) && entry.Period == period)
                    _spent[key] = (period, Math.Max(0, entry.Spent - reserved + used));
        }
    }

    /// <summary>Gas spent (or reserved) for <paramref name="contributor"/> in the current period.</summary>
    public long SpentBy(Address contributor)
    {
        lock (_gate) return Spent(ContributorKey(contributor), CurrentPeriod());
    }

    private long Spent(string key, long period) => _spent.TryGetValue(key, out var entry) && entry.Period == period ? entry.Spent : 0;

    private long CurrentPeriod() => DateTimeOffset.UtcNow.Ticks / _options.BudgetPeriod.Ticks;

    private RelayRefusal Refusal(string who, long spent, long budget, long gas, long period)
    {
        var resets = new DateTimeOffset((period + 1) * _options.BudgetPeriod.Ticks, TimeSpan.Zero);
        return new RelayRefusal(429, "Relay budget spent",
            $"the relayer has spent {spent} of its {budget} gas for {who} in this period (Relay:BudgetPeriod {_options.BudgetPeriod}) " +
            $"and this registration may need {gas}; the budget resets at {resets:u}, or send the transaction yourself");
    }

    private static string ContributorKey(Address contributor) => "c:" + contributor.ToString().ToLowerInvariant();

    private static string ModelKey(BigInteger model) => "m:" + model;
}

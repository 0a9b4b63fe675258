using System.Numerics;
using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Reports;
using OpenLedger.Attribution.Rewards;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Attribution;

/// <summary>
/// Report → distribution, as a pure function: duplicates resolved by earliest registration, values from the
/// report's method, negative values clipped per contribution, integer split with optional cap, the
/// contract's claim tree.
/// </summary>
public static class AttributionEngine
{
    public static Distribution Distribute(PerformanceReport report)
    {
        var duplicates = FindDuplicates(report.Contributions);
        var excluded = duplicates.Select(d => d.Id).ToHashSet();
        var method = AttributionMethods.Get(report.Attribution.Method);
        var computed = method.Compute(report.Attribution.Evidence, excluded);

        var contributions = new List<ContributionValue>();
        var flags = new List<FlagCandidate>();
        var positive = new SortedDictionary<Address, double>();
        foreach (var c in report.Contributions.OrderBy(c => c.Id))
        {
            var outcome = c.Status == ContributionStatus.Slashed ? ContributionOutcome.Slashed
                : excluded.Contains(c.Id) ? ContributionOutcome.Duplicate
                : ContributionOutcome.Credited;
            var value = outcome == ContributionOutcome.Credited ? computed.Values.GetValueOrDefault(c.Id) : 0.0;
            double? error = computed.StandardErrors is { } e && e.TryGetValue(c.Id, out var se) && double.IsFinite(se) ? se : null;
            contributions.Add(new ContributionValue(c.Id, c.Contributor, value, error, outcome));
            if (outcome != ContributionOutcome.Credited) continue;
            if (report.Rewards.FlagThreshold is { } threshold && value < threshold) flags.Add(new FlagCandidate(c.Id, c.Contributor, value));
            // Clipped per contribution, not per wallet: otherwise moving harmful data to a second wallet would
            // escape the offset it carries, and splitting would pay.
            positive[c.Contributor] = positive.GetValueOrDefault(c.Contributor) + Math.Max(value, 0.0);
        }

        var accounts = positive.Keys.ToArray();
        var values = positive.Values.ToArray();
        var weights = ExactWeights.FromDoubles(values);
        var (open, openCapped) = CappedSplit.Split(report.Rewards.Open, weights, accounts, report.Rewards.PerContributorCap);
        var (shares, sharesCapped) = CappedSplit.Split(report.Rewards.Shares, weights, accounts, report.Rewards.PerContributorCap);

        var claimable = Enumerable.Range(0, accounts.Length).Where(i => !open[i].IsZero || !shares[i].IsZero).ToArray();
        var tree = claimable.Length == 0 ? null : ClaimTree.Of([.. claimable.Select(i => (accounts[i], open[i], shares[i]))]);
        var proofs = tree?.GetAllProofs();
        var allocations = claimable.Select((i, leaf) =>
            new Allocation(leaf, accounts[i], open[i], shares[i], values[i], openCapped[i] || sharesCapped[i], proofs![leaf])).ToArray();

        return new Distribution(report.ModelId, report.Epoch, report.Attribution.Method, ClaimTree.LeafTypes, tree?.Root,
            report.Rewards.Open, report.Rewards.Shares,
            allocations.Aggregate(BigInteger.Zero, (s, a) => s + a.Open),
            allocations.Aggregate(BigInteger.Zero, (s, a) => s + a.Shares),
            allocations, contributions, flags, duplicates);
    }

    /// <summary>
    /// Per content hash, the earliest registration (block, then log index) is the original; every later one is a
    /// duplicate, whoever registered it. Slashed registrations still count as the original: a copy of slashed
    /// content is not a fresh contribution.
    /// </summary>
    public static IReadOnlyList<ExcludedDuplicate> FindDuplicates(IReadOnlyList<ContributionEntry> contributions)
    {
        var result = new List<ExcludedDuplicate>();
        foreach (var group in contributions.GroupBy(c => c.ContentHash))
        {
            var ordered = group.OrderBy(c => c.RegisteredAtBlock).ThenBy(c => c.LogIndex).ThenBy(c => c.Id).ToArray();
            foreach (var copy in ordered.Skip(1))
                result.Add(new ExcludedDuplicate(copy.Id, copy.Contributor, copy.ContentHash, ordered[0].Id));
        }
        return result.OrderBy(d => d.Id).ToArray();
    }
}

using System.Numerics;
using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Precision;
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
        var computed = method.Compute(report.Attribution.Evidence, new AttributionContext(excluded, report.Contributions));
        if (computed.Utilities is { } u) CheckEfficiency(report.Evaluation, u);
        var neighbourEvidence = report.Attribution.Evidence as NeighbourCreditEvidence;
        var harmfulFractionThreshold = neighbourEvidence?.HarmfulFractionThreshold;
        var harmfulZ = neighbourEvidence?.HarmfulConfidenceZ ?? 0.0;

        var contributions = new List<ContributionValue>();
        var flags = new List<FlagCandidate>();
        var positive = new SortedDictionary<Address, double>();
        foreach (var c in report.Contributions.OrderBy(c => c.Id))
        {
            var items = computed.Items?.GetValueOrDefault(c.Id);
            var outcome = c.Status == ContributionStatus.Slashed ? ContributionOutcome.Slashed
                : excluded.Contains(c.Id) ? ContributionOutcome.Duplicate
                : items is { Total: > 0, Credited: 0 } ? (items.NearDuplicates >= items.Contaminated ? ContributionOutcome.NearDuplicate : ContributionOutcome.Contaminated)
                : ContributionOutcome.Credited;
            var value = outcome == ContributionOutcome.Credited ? computed.Values.GetValueOrDefault(c.Id) : 0.0;
            double? error = computed.StandardErrors is { } e && e.TryGetValue(c.Id, out var se) && double.IsFinite(se) ? se : null;
            contributions.Add(new ContributionValue(c.Id, c.Contributor, value, error, outcome, items));
            if (outcome != ContributionOutcome.Credited) continue;
            if (report.Rewards.FlagThreshold is { } threshold && value < threshold)
                flags.Add(new FlagCandidate(c.Id, c.Contributor, value, $"value {Format(value)} is below the flag threshold {Format(threshold)}"));
            else if (harmfulFractionThreshold is { } share && items is not null && items.HarmfulLowerBound(harmfulZ) >= share)
                flags.Add(new FlagCandidate(c.Id, c.Contributor, value, HarmReason(items, share, harmfulZ)));
            // Clipped per contribution, not per wallet: otherwise moving harmful data to a second wallet would
            // escape the offset it carries, and splitting would pay. Each harmful item also costs what an average
            // helpful item earns, so a contribution's pay falls at least in proportion to its harmful items.
            var weight = Math.Max(value - (items?.HarmPenalty ?? 0.0), 0.0);
            positive[c.Contributor] = positive.GetValueOrDefault(c.Contributor) + weight;
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

        // The claimed precision is refused unless the values just computed give it.
        var precision = report.Precision is { } section ? PrecisionCheck.Verify(section, contributions) : null;
        return new Distribution(report.ModelId, report.Epoch, report.Attribution.Method, ClaimTree.LeafTypes, tree?.Root,
            report.Rewards.Open, report.Rewards.Shares,
            allocations.Aggregate(BigInteger.Zero, (s, a) => s + a.Open),
            allocations.Aggregate(BigInteger.Zero, (s, a) => s + a.Shares),
            allocations, contributions, flags, duplicates, precision);
    }

    /// <summary>The tolerance within which a report's score and baseline must equal the utilities its evidence implies.</summary>
    public const double EfficiencyTolerance = 1e-9;

    /// <summary>
    /// An efficient method's values add up to U(credited) − U(∅); the report must state those same utilities as its
    /// score and baseline, so the figures it headlines are the ones the epoch pays out.
    /// </summary>
    private static void CheckEfficiency(Evaluation evaluation, NeighbourCreditResult utilities)
    {
        var problems = new List<ReportProblem>();
        if (!(Math.Abs(evaluation.Score - utilities.Full) <= EfficiencyTolerance))
            problems.Add(new ReportProblem("evaluation.score",
                $"must equal the evidence's utility of all credited items, {Format(utilities.Full, "R")}, but is {Format(evaluation.Score, "R")}"));
        if (!(Math.Abs(evaluation.Baseline - utilities.Empty) <= EfficiencyTolerance))
            problems.Add(new ReportProblem("evaluation.baseline",
                $"must equal the evidence's utility of no items (the class prior's agreement), {Format(utilities.Empty, "R")}, but is {Format(evaluation.Baseline, "R")}"));
        if (problems.Count > 0) throw new ReportValidationException(problems);
    }

    private static string Format(double value, string format) => value.ToString(format, System.Globalization.CultureInfo.InvariantCulture);

    private static string Format(double value) => value.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Per content hash, the earliest registration (block, then log index) is the original; every later one is a
    /// duplicate, whoever registered it. Slashed registrations still count as the original: a copy of slashed
    /// content is not a fresh contribution.
    /// </summary>
    private static string HarmReason(ItemSummary items, double share, double z) =>
        $"{items.Harmful} of its {items.Active} active items hold more wrong slots than right ones (" +
        (z > 0 ? $"share {Format(items.HarmfulFraction)}, at least {Format(items.HarmfulLowerBound(z))} at z = {Format(z)}" : Format(items.HarmfulFraction)) +
        $" ≥ {Format(share)})";

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

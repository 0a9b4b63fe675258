using System.Numerics;

namespace OpenLedger.Demo;

/// <summary>
/// What must hold at the end of the scenario for the demo to pass (scripts/test.sh runs it): the epoch was posted and
/// verifies; everything it granted was claimed and sits with the contributors; the corrupted contributor has a
/// negative value, earned nothing and was flagged and slashed with the attribution's reason; every clean contributor
/// earned OPEN, shares and revenue; the near-copy of <c>copied</c>'s shard earned nothing and is named a copy of it;
/// junk earned at most 1 % of the epoch;
/// holders withdrew their whole cut of the later revenue, up to rounding dust; the posted report's test set hash is
/// the one sealed on chain before the contributions (as the node serves it), and the hash of the held-back test file.
/// </summary>
public static class DemoInvariants
{
    public static IReadOnlyList<string> Check(FinalTable table, bool posted, bool verified, IReadOnlyCollection<string> flagged, EvaluationSeal evaluation,
        string copied = "ana")
    {
        var problems = new List<string>();
        void Require(bool condition, string problem)
        {
            if (!condition) problems.Add(problem);
        }

        var epoch = table.Epoch;
        Require(posted, "the epoch was not posted by the node");
        Require(verified, "`epoch verify` did not confirm the epoch");
        Require(epoch.Status == "claimable", $"the epoch is {epoch.Status}, expected claimable");
        Require(epoch.TotalOpen > 0 && epoch.TotalShares > 0, "the epoch granted no OPEN or no shares");
        var open = Sum(table.Rows, r => r.OpenClaimed);
        var shares = Sum(table.Rows, r => r.SharesHeld);
        Require(open == epoch.TotalOpen, $"contributors claimed {open} OPEN wei but the epoch granted {epoch.TotalOpen}");
        Require(epoch.ClaimedOpen == epoch.TotalOpen, $"the epoch shows {epoch.ClaimedOpen} OPEN wei claimed of {epoch.TotalOpen}");
        Require(shares == epoch.TotalShares, $"contributors hold {shares} shares but the epoch granted {epoch.TotalShares}");
        Require(epoch.ClaimedShares == epoch.TotalShares, $"the epoch shows {epoch.ClaimedShares} shares claimed of {epoch.TotalShares}");

        static bool Same(string? a, string? b) => a is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
        Require(evaluation.Committed is not null, "no evaluation set is committed on chain for the epoch");
        Require(Same(evaluation.Reported, evaluation.Committed),
            $"the posted report's testSetHash {evaluation.Reported ?? "none"} is not the on-chain commitment {evaluation.Committed ?? "none"}");
        Require(Same(evaluation.Served, evaluation.Committed), $"the node serves the evaluation set {evaluation.Served ?? "none"}, not the committed {evaluation.Committed ?? "none"}");
        Require(Same(evaluation.TestFile, evaluation.Committed), $"the held-back test file hashes to {evaluation.TestFile}, not the committed {evaluation.Committed ?? "none"}");

        var holders = table.Rows.Count(r => r.SharesHeld > 0);
        var withdrawn = Sum(table.Rows, r => r.RevenueWithdrawn);
        Require(withdrawn <= epoch.HoldersRevenue && epoch.HoldersRevenue - withdrawn <= holders,
            $"holders withdrew {withdrawn} wei of their {epoch.HoldersRevenue} wei cut (at most {holders} wei of rounding may stay)");

        var corrupted = table.Rows.Where(r => r.Part == ContributorPart.Corrupted).ToList();
        Require(corrupted.Count == 1, $"expected one corrupted contributor, found {corrupted.Count}");
        foreach (var r in corrupted)
        {
            Require(r.Value is < 0, $"{r.Name}'s corrupted shard has value {r.Value?.ToString() ?? "none"}, expected negative");
            Require(r.OpenClaimed == 0 && r.SharesHeld == 0 && r.RevenueWithdrawn == 0,
                $"{r.Name} (corrupted) earned {r.OpenClaimed} OPEN wei, {r.SharesHeld} shares, {r.RevenueWithdrawn} revenue wei; expected nothing");
            Require(r.Status == "slashed", $"{r.Name}'s corrupted shard is {r.Status}, expected slashed");
            Require(flagged.Contains(r.ContentHash, StringComparer.OrdinalIgnoreCase), $"{r.Name}'s corrupted shard was not flagged from the attribution");
            Require(r.Why.StartsWith("flag candidate: ", StringComparison.Ordinal), $"the API gives no flag reason for {r.Name}'s corrupted shard: \"{r.Why}\"");
        }
        foreach (var r in table.Rows.Where(r => r.Part == ContributorPart.Honest))
        {
            Require(r.Value is > 0, $"{r.Name}'s clean shard has value {r.Value?.ToString() ?? "none"}, expected positive");
            Require(r.OpenClaimed > 0 && r.SharesHeld > 0 && r.RevenueWithdrawn > 0,
                $"{r.Name} (clean) earned {r.OpenClaimed} OPEN wei, {r.SharesHeld} shares, {r.RevenueWithdrawn} revenue wei; expected all positive");
            Require(r.Status == "active", $"{r.Name}'s clean shard is {r.Status}, expected active");
        }
        // The attackers (issue 14's targets): a near-copy earns nothing and is named as a copy of its original;
        // junk earns at most 1 % of the epoch's OPEN and shares.
        foreach (var r in table.Rows.Where(r => r.Part == ContributorPart.Copier))
        {
            Require(r.Outcome == "near-duplicate", $"{r.Name}'s near-copy has outcome {r.Outcome}, expected near-duplicate");
            Require(r.Why.StartsWith($"copy of {copied}'s shard", StringComparison.Ordinal), $"the API does not name {r.Name}'s shard a copy of {copied}'s: \"{r.Why}\"");
            Require(r.OpenClaimed == 0 && r.SharesHeld == 0 && r.RevenueWithdrawn == 0,
                $"{r.Name} (copier) earned {r.OpenClaimed} OPEN wei, {r.SharesHeld} shares, {r.RevenueWithdrawn} revenue wei; expected nothing");
        }
        foreach (var r in table.Rows.Where(r => r.Part == ContributorPart.Junk))
        {
            Require(r.OpenClaimed * 100 <= epoch.TotalOpen && r.SharesHeld * 100 <= epoch.TotalShares,
                $"{r.Name} (junk) earned {r.OpenClaimed} of {epoch.TotalOpen} OPEN wei and {r.SharesHeld} of {epoch.TotalShares} shares; at most 1 % is the target");
            Require(r.Why.Length > 0, $"the API gives no reason for what {r.Name}'s junk earned");
        }
        return problems;
    }

    private static BigInteger Sum(IEnumerable<ContributorRow> rows, Func<ContributorRow, BigInteger> amount) =>
        rows.Aggregate(BigInteger.Zero, (sum, r) => sum + amount(r));
}

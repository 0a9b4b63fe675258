using System.Numerics;

namespace OpenLedger.Demo;

/// <summary>
/// What must hold at the end of the scenario for the demo to pass (scripts/test.sh runs it): the epoch was posted and
/// verifies; everything it granted was claimed and sits with the contributors; the corrupted contributor has a
/// negative value, earned nothing and was flagged and slashed; every clean contributor earned OPEN, shares and revenue;
/// holders withdrew their whole cut of the later revenue, up to rounding dust; the posted report's test set hash is
/// the one sealed on chain before the contributions (as the node serves it), and the hash of the held-back test file.
/// </summary>
public static class DemoInvariants
{
    public static IReadOnlyList<string> Check(FinalTable table, bool posted, bool verified, IReadOnlyCollection<string> flagged, EvaluationSeal evaluation)
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

        var corrupted = table.Rows.Where(r => r.Corrupted).ToList();
        Require(corrupted.Count == 1, $"expected one corrupted contributor, found {corrupted.Count}");
        foreach (var r in corrupted)
        {
            Require(r.Value is < 0, $"{r.Name}'s corrupted shard has value {r.Value?.ToString() ?? "none"}, expected negative");
            Require(r.OpenClaimed == 0 && r.SharesHeld == 0 && r.RevenueWithdrawn == 0,
                $"{r.Name} (corrupted) earned {r.OpenClaimed} OPEN wei, {r.SharesHeld} shares, {r.RevenueWithdrawn} revenue wei; expected nothing");
            Require(r.Status == "slashed", $"{r.Name}'s corrupted shard is {r.Status}, expected slashed");
            Require(flagged.Contains(r.ContentHash, StringComparer.OrdinalIgnoreCase), $"{r.Name}'s corrupted shard was not flagged from the attribution");
        }
        foreach (var r in table.Rows.Where(r => !r.Corrupted))
        {
            Require(r.Value is > 0, $"{r.Name}'s clean shard has value {r.Value?.ToString() ?? "none"}, expected positive");
            Require(r.OpenClaimed > 0 && r.SharesHeld > 0 && r.RevenueWithdrawn > 0,
                $"{r.Name} (clean) earned {r.OpenClaimed} OPEN wei, {r.SharesHeld} shares, {r.RevenueWithdrawn} revenue wei; expected all positive");
            Require(r.Status == "active", $"{r.Name}'s clean shard is {r.Status}, expected active");
        }
        return problems;
    }

    private static BigInteger Sum(IEnumerable<ContributorRow> rows, Func<ContributorRow, BigInteger> amount) =>
        rows.Aggregate(BigInteger.Zero, (sum, r) => sum + amount(r));
}

using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Reports;

namespace OpenLedger.Attribution.Tests;

/// <summary>Duplicates, non-positive values, flag candidates and the cap, end to end through the engine.</summary>
public class RewardRulesTests
{
    private static JsonObject Scores(params double[] values) =>
        AttributionJson.ToJson(new AttributionSpec("scores", new ScoresEvidence(values.Select((v, i) => ((BigInteger)(i + 1), v)).ToArray())));

    [Fact]
    public void Only_the_earliest_registration_of_the_same_content_is_credited()
    {
        // 1 (wallet 1, block 100) and 2 (wallet 2, block 101) and 3 (wallet 1 again, block 102) share content.
        var d = ReportJson.Distribute(ReportJson.Around(Scores(1, 1, 1, 1), [1, 2, 1, 4], contentOf: [7, 7, 7, 8]));
        Assert.Equal([2, 3], d.ExcludedDuplicates.Select(x => (int)x.Id));
        Assert.All(d.ExcludedDuplicates, x => Assert.Equal(BigInteger.One, x.OriginalId));
        Assert.Equal(ContributionOutcome.Duplicate, d.Contributions.Single(c => c.Id == 2).Outcome);
        Assert.Equal(0.0, d.Contributions.Single(c => c.Id == 2).Value);
        Assert.Equal(500_000, ReportJson.Earned(d, 1));
        Assert.Equal(0, ReportJson.Earned(d, 2));
        Assert.Equal(500_000, ReportJson.Earned(d, 4));
    }

    [Fact]
    public void Within_one_block_the_lower_log_index_is_the_original()
    {
        var json = ReportJson.Around(Scores(1, 1), [1, 2], contentOf: [7, 7]);
        json["contributions"]![0]!["registeredAtBlock"] = 100;
        json["contributions"]![0]!["logIndex"] = 9;
        json["contributions"]![1]!["registeredAtBlock"] = 100;
        json["contributions"]![1]!["logIndex"] = 2;
        var d = ReportJson.Distribute(json);
        Assert.Equal(1, (int)Assert.Single(d.ExcludedDuplicates).Id);
        Assert.Equal(1_000_000, ReportJson.Earned(d, 2));
    }

    [Fact]
    public void Non_positive_values_earn_nothing_and_negative_ones_do_not_offset_other_contributions()
    {
        // Wallet 1 holds +2 and −5; wallet 2 holds 0; wallet 3 holds +2. Clipping per contribution: 1 and 3 split evenly.
        var d = ReportJson.Distribute(ReportJson.Around(Scores(2, -5, 0, 2), [1, 1, 2, 3]));
        Assert.Equal(500_000, ReportJson.Earned(d, 1));
        Assert.Equal(500_000, ReportJson.Earned(d, 3));
        Assert.DoesNotContain(d.Allocations, a => a.Account == TestData.AddressOf(2));
    }

    [Fact]
    public void When_nothing_has_positive_value_nothing_is_distributed()
    {
        var d = ReportJson.Distribute(ReportJson.Around(Scores(-1, 0), [1, 2]));
        Assert.Empty(d.Allocations);
        Assert.Null(d.MerkleRoot);
        Assert.Equal(BigInteger.Zero, d.TotalOpen);
    }

    [Fact]
    public void Contributions_below_the_flag_threshold_are_listed_and_positive_ones_still_paid()
    {
        var json = ReportJson.Around(Scores(0.5, 0.05, -0.2, 0.1), [1, 2, 3, 4]);
        json["rewards"]!["flagThreshold"] = 0.1;
        var d = ReportJson.Distribute(json);
        Assert.Equal([2, 3], d.FlagCandidates.Select(f => (int)f.Id));
        Assert.True(ReportJson.Earned(d, 2) > 0);
        Assert.Equal(0, ReportJson.Earned(d, 3));
    }

    [Fact]
    public void A_per_contributor_cap_bounds_the_top_earner_and_the_rest_goes_to_the_others_proportionally()
    {
        var json = ReportJson.Around(Scores(8, 1, 1), [1, 2, 3], open: "1000", shares: "100");
        json["rewards"]!["perContributorCap"] = 0.5;
        var d = ReportJson.Distribute(json);
        Assert.Equal(500, ReportJson.Earned(d, 1));
        Assert.Equal(250, ReportJson.Earned(d, 2));
        Assert.Equal(250, ReportJson.Earned(d, 3));
        Assert.True(d.Allocations.Single(a => a.Account == TestData.AddressOf(1)).Capped);
        Assert.Equal([50, 25, 25], d.Allocations.Select(a => (int)a.Shares));
        Assert.Equal(1000, d.TotalOpen);
    }

    [Fact]
    public void Random_reports_pay_out_exactly_the_posted_budget()
    {
        var random = new Random(5);
        for (var run = 0; run < 40; run++)
        {
            var n = random.Next(1, 30);
            var values = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 10 - 1).ToArray();
            if (values.All(v => v <= 0)) values[0] = 1;
            var open = TestData.RandomUint(random, 30).ToString();
            var shares = TestData.RandomUint(random, 10).ToString();
            var d = ReportJson.Distribute(ReportJson.Around(Scores(values), Enumerable.Range(0, n).Select(_ => random.Next(1, 12)).ToArray(), open, shares));
            Assert.Equal(BigInteger.Parse(open), d.Allocations.Aggregate(BigInteger.Zero, (s, a) => s + a.Open));
            Assert.Equal(BigInteger.Parse(shares), d.Allocations.Aggregate(BigInteger.Zero, (s, a) => s + a.Shares));
            Assert.Equal(d.BudgetOpen, d.TotalOpen);
        }
    }
}

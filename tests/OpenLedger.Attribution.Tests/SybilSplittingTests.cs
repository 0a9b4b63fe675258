using System.Numerics;
using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Reports;
using OpenLedger.Attribution.Sampling;

namespace OpenLedger.Attribution.Tests;

/// <summary>
/// What a person earns when they split their data across wallets, per method (docs/attribution.md). The test game
/// for the contribution-level methods is the unanimity game: the model works only with all three pieces a, b, c.
/// Person P holds a and b, Q holds c. Unsplit: P registers a+b as one contribution; split: a and b from two wallets.
/// </summary>
public class SybilSplittingTests
{
    private const int P = 1, P2 = 2, Q = 3;
    private static readonly BigInteger[] Unsplit = [1, 2];   // 1 = a+b (P), 2 = c (Q)
    private static readonly BigInteger[] Split = [1, 2, 3];  // 1 = a (P), 2 = b (P2), 3 = c (Q)

    private static double Unanimity(IReadOnlyList<BigInteger> s, int players) => s.Count == players ? 1 : 0;

    private static (BigInteger Unsplit, BigInteger Split) Payouts(Func<IReadOnlyList<BigInteger>, Func<IReadOnlyList<BigInteger>, double>, AttributionSpec> spec)
    {
        var unsplit = ReportJson.Distribute(ReportJson.Around(spec(Unsplit, s => Unanimity(s, 2)), [P, Q]));
        var split = ReportJson.Distribute(ReportJson.Around(spec(Split, s => Unanimity(s, 3)), [P, P2, Q]));
        return (ReportJson.Earned(unsplit, P), ReportJson.Earned(split, P, P2));
    }

    [Fact]
    public void Exact_shapley_pays_a_split_player_more_in_the_unanimity_game()
    {
        var (unsplit, split) = Payouts((ids, u) => new AttributionSpec("exact-shapley", ExactShapleyEvidence.Generate(ids, u)));
        Assert.Equal(500_000, unsplit);   // 1/2
        Assert.Equal(666_667, split);     // 2/3
    }

    [Fact]
    public void Exact_shapley_pays_a_split_player_less_in_the_glove_game()
    {
        // P holds two right gloves, Q one left glove. Unsplit: 1/2 each. Split: Q 2/3, each right glove 1/6.
        var left = new HashSet<BigInteger> { 2 };
        var unsplit = ReportJson.Distribute(ReportJson.Around(new AttributionSpec("exact-shapley",
            ExactShapleyEvidence.Generate(Unsplit, s => s.Count == 2 ? 1 : 0)), [P, Q]));
        var split = ReportJson.Distribute(ReportJson.Around(new AttributionSpec("exact-shapley",
            ExactShapleyEvidence.Generate([1, 3, 2], Games.Glove(left))), [P, Q, P2]));
        Assert.Equal(500_000, ReportJson.Earned(unsplit, P));
        Assert.InRange((double)ReportJson.Earned(split, P, P2), 333_332, 333_334); // 1/3, give or take the rounding wei
    }

    [Fact]
    public void Tmc_shapley_inherits_shapleys_split_gain()
    {
        var (unsplit, split) = Payouts((ids, u) => new AttributionSpec("tmc-shapley", TmcShapleySampler.Generate(ids, u, ReportJson.Seed, 3000, 0)));
        Assert.InRange((double)unsplit, 480_000, 520_000);
        Assert.InRange((double)split, 640_000, 690_000);
    }

    [Fact]
    public void Banzhaf_pays_a_split_player_more_in_the_unanimity_game()
    {
        var (unsplit, split) = Payouts((ids, u) => new AttributionSpec("banzhaf", BanzhafSampler.Generate(ids, u, ReportJson.Seed, 8000)));
        Assert.InRange((double)unsplit, 470_000, 530_000);
        Assert.InRange((double)split, 630_000, 700_000);
    }

    [Fact]
    public void Leave_one_out_pays_a_split_player_more_in_the_unanimity_game()
    {
        var (unsplit, split) = Payouts((ids, u) => new AttributionSpec("loo", LeaveOneOutEvidence.Generate(ids, u)));
        Assert.Equal(500_000, unsplit);
        Assert.Equal(666_667, split);
    }

    [Fact]
    public void Leave_one_out_credits_nothing_to_two_copies_of_the_same_data()
    {
        // Two wallets hold interchangeable data: leaving either out costs nothing.
        var evidence = LeaveOneOutEvidence.Generate([1, 2, 3], s => (s.Contains(1) || s.Contains(2) ? 1 : 0) + (s.Contains(3) ? 1 : 0));
        var d = ReportJson.Distribute(ReportJson.Around(new AttributionSpec("loo", evidence), [P, P2, Q]));
        Assert.Equal(0, ReportJson.Earned(d, P, P2));
    }

    [Fact]
    public void Knn_shapley_pays_the_same_however_the_items_are_spread_over_wallets()
    {
        var random = new Random(31);
        const int items = 60, d = 3;
        var embeddings = Enumerable.Range(0, items * d).Select(_ => random.NextDouble()).ToArray();
        var labels = Enumerable.Range(0, items).Select(_ => random.Next(2)).ToArray();
        var test = Enumerable.Range(0, 20 * d).Select(_ => random.NextDouble()).ToArray();
        var testLabels = Enumerable.Range(0, 20).Select(_ => random.Next(2)).ToArray();
        // Unsplit: P's items (first 30) are contribution 1, Q's are 2. Split: P's items alternate between 1 and 3 (wallet P2).
        BigInteger[] unsplitOwner = Enumerable.Range(0, items).Select(i => (BigInteger)(i < 30 ? 1 : 2)).ToArray();
        BigInteger[] splitOwner = Enumerable.Range(0, items).Select(i => (BigInteger)(i >= 30 ? 2 : i % 2 == 0 ? 1 : 3)).ToArray();
        var unsplit = ReportJson.Distribute(ReportJson.Around(new AttributionSpec("knn-shapley",
            new KnnShapleyEvidence(5, d, unsplitOwner, embeddings, labels, test, testLabels)), [P, Q], open: "1000000000000000000"));
        var split = ReportJson.Distribute(ReportJson.Around(new AttributionSpec("knn-shapley",
            new KnnShapleyEvidence(5, d, splitOwner, embeddings, labels, test, testLabels)), [P, Q, P2], open: "1000000000000000000"));
        var valueUnsplit = unsplit.Contributions.Single(c => c.Id == 1).Value;
        var valueSplit = split.Contributions.Where(c => c.Id != 2).Sum(c => c.Value);
        Assert.Equal(valueUnsplit, valueSplit, 1e-12);
        // Equal up to the rounding of two wallets instead of one: at most a wei each, plus the float sum's last bit.
        Assert.InRange((double)BigInteger.Abs(ReportJson.Earned(unsplit, P) - ReportJson.Earned(split, P, P2)), 0, 1000);
    }

    [Fact]
    public void Scores_split_additively_by_the_trainer_pay_the_same()
    {
        var unsplit = ReportJson.Distribute(ReportJson.Around(new AttributionSpec("scores", new ScoresEvidence([(1, 0.6), (2, 0.4)])), [P, Q]));
        var split = ReportJson.Distribute(ReportJson.Around(new AttributionSpec("scores", new ScoresEvidence([(1, 0.25), (2, 0.4), (3, 0.35)])), [P, Q, P2]));
        Assert.Equal(ReportJson.Earned(unsplit, P), ReportJson.Earned(split, P, P2));
    }

    [Theory]
    [InlineData("exact-shapley")]
    [InlineData("loo")]
    [InlineData("scores")]
    public void Moving_existing_contributions_between_wallets_never_changes_the_persons_total(string method)
    {
        // Values are per contribution and clipped per contribution, so which wallet holds a contribution is irrelevant.
        BigInteger[] ids = [1, 2, 3, 4];
        Func<IReadOnlyList<BigInteger>, double> game = s => s.Sum(id => (double)id * (s.Contains(4) ? 2 : 1)) - (s.Contains(2) ? 3 : 0);
        AttributionEvidence evidence = method switch
        {
            "exact-shapley" => ExactShapleyEvidence.Generate(ids, game),
            "loo" => LeaveOneOutEvidence.Generate(ids, game),
            _ => new ScoresEvidence([(1, 0.5), (2, -0.7), (3, 0.2), (4, 1.1)]),
        };
        var spec = new AttributionSpec(method, evidence);
        var oneWallet = ReportJson.Distribute(ReportJson.Around(spec, [P, P, P, Q]));
        var threeWallets = ReportJson.Distribute(ReportJson.Around(spec, [P, P2, 5, Q]));
        Assert.InRange((double)(ReportJson.Earned(oneWallet, P) - ReportJson.Earned(threeWallets, P, P2, 5)), -2, 2);
    }
}

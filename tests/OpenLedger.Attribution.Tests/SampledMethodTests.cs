using System.Numerics;
using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Sampling;

namespace OpenLedger.Attribution.Tests;

/// <summary>Sampled estimators against closed forms: each estimate within 4 of its standard errors (fixed seeds).</summary>
public class SampledMethodTests
{
    private static readonly HashSet<BigInteger> None = [];

    private static void AssertWithin(double expected, double estimate, double standardError, double floor = 1e-12) =>
        Assert.True(Math.Abs(expected - estimate) <= 4 * standardError + floor,
            $"estimate {estimate} is more than 4 standard errors ({standardError}) from {expected}");

    [Fact]
    public void Tmc_shapley_without_truncation_estimates_the_airport_game()
    {
        var cost = TestData.Ids(10).ToDictionary(id => id, id => (double)(int)id * 3);
        var evidence = TmcShapleySampler.Generate(TestData.Ids(10), Games.Airport(cost), seed: 42, permutations: 2000, tolerance: 0);
        var result = new TmcShapley().Compute(evidence, None);
        foreach (var (id, expected) in Games.AirportShapley(cost))
            AssertWithin(expected, result.Values[id], result.StandardErrors![id]);
    }

    [Fact]
    public void Tmc_shapley_estimates_the_glove_game_and_truncates_once_the_full_utility_is_reached()
    {
        var left = new HashSet<BigInteger> { 1, 2 };
        var evidence = TmcShapleySampler.Generate(TestData.Ids(5), Games.Glove(left), seed: 7, permutations: 3000, tolerance: 0);
        Assert.Contains(evidence.Permutations, p => p.Utilities.Count < 5);
        var result = new TmcShapley().Compute(evidence, None);
        // 2 left vs 3 right gloves: exact values by the subset formula.
        var exact = new ExactShapley().Compute(ExactShapleyEvidence.Generate(TestData.Ids(5), Games.Glove(left)), None).Values;
        foreach (var id in TestData.Ids(5)) AssertWithin(exact[id], result.Values[id], result.StandardErrors![id]);
    }

    [Fact]
    public void Tmc_shapley_of_a_symmetric_majority_game_is_one_nth_each()
    {
        var evidence = TmcShapleySampler.Generate(TestData.Ids(7), Games.Majority(4), seed: 1, permutations: 4000, tolerance: 0.0);
        var result = new TmcShapley().Compute(evidence, None);
        foreach (var id in TestData.Ids(7)) AssertWithin(1.0 / 7, result.Values[id], result.StandardErrors![id]);
    }

    [Theory]
    [InlineData(7, 4)]
    [InlineData(11, 6)]
    public void Banzhaf_of_a_symmetric_majority_game_matches_the_binomial_closed_form(int n, int quota)
    {
        var evidence = BanzhafSampler.Generate(TestData.Ids(n), Games.Majority(quota), seed: 5, samples: 8000);
        var result = new Banzhaf().Compute(evidence, None);
        // A player swings exactly when the others number quota − 1: C(n−1, q−1) / 2^(n−1).
        var expected = Games.Binomial(n - 1, quota - 1) / Math.Pow(2, n - 1);
        foreach (var id in TestData.Ids(n)) AssertWithin(expected, result.Values[id], result.StandardErrors![id]);
    }

    [Fact]
    public void Banzhaf_of_the_glove_game_matches_exhaustive_enumeration()
    {
        var left = new HashSet<BigInteger> { 1 };
        var game = Games.Glove(left);
        var ids = TestData.Ids(4);
        var evidence = BanzhafSampler.Generate(ids, game, seed: 11, samples: 6000);
        var result = new Banzhaf().Compute(evidence, None);
        foreach (var id in ids)
        {
            // Banzhaf: mean over all coalitions S of the others of U(S ∪ i) − U(S).
            var others = ids.Where(x => x != id).ToArray();
            var sum = 0.0;
            for (var mask = 0; mask < 1 << others.Length; mask++)
            {
                var s = others.Where((_, b) => (mask >> b & 1) != 0).ToList();
                sum += game([.. s, id]) - game(s);
            }
            AssertWithin(sum / (1 << others.Length), result.Values[id], result.StandardErrors![id]);
        }
    }

    [Fact]
    public void Samplers_are_deterministic_for_a_seed_and_differ_across_seeds()
    {
        var game = Games.Majority(3);
        var a = TmcShapleySampler.Generate(TestData.Ids(5), game, 9, 50, 0.01);
        var b = TmcShapleySampler.Generate(TestData.Ids(5), game, 9, 50, 0.01);
        var c = TmcShapleySampler.Generate(TestData.Ids(5), game, 10, 50, 0.01);
        Assert.Equal(a.Permutations.Select(p => string.Join(",", p.Order)), b.Permutations.Select(p => string.Join(",", p.Order)));
        Assert.NotEqual(a.Permutations.Select(p => string.Join(",", p.Order)), c.Permutations.Select(p => string.Join(",", p.Order)));
    }

    [Fact]
    public void Banzhaf_estimator_rejects_a_player_never_left_out()
    {
        var e = Assert.Throws<AttributionException>(() => BanzhafMsrEstimator.Estimate(1, [[1UL], [1UL]], [1.0, 2.0]));
        Assert.Contains("with and without player 0", e.Message);
    }
}

using System.Numerics;
using OpenLedger.Attribution.Precision;

namespace OpenLedger.Attribution.Tests.Precision;

/// <summary>Spearman's rho and the LDS against hand-computed values, and every bad input refused by name.</summary>
public class LinearDatamodelingScoreTests
{
    private static readonly Dictionary<BigInteger, double> Values = new() { [1] = 1, [2] = 2, [3] = 3, [4] = 4 };

    // Predicted utilities (sums of values): 3, 4, 6, 7, 5.
    private static readonly IReadOnlyList<IReadOnlyList<BigInteger>> Subsets =
        [[1, 2], [1, 3], [2, 4], [3, 4], [1, 4]];

    [Fact]
    public void Spearman_of_tied_ranks_is_the_hand_computed_value()
    {
        // Ranks of x: 1, 2.5, 2.5, 4; of y: 1, 3, 2, 4; rho = 4.5 / sqrt(4.5 · 5) = 3/√10.
        Assert.Equal(3 / Math.Sqrt(10), SpearmanCorrelation.Compute([1, 2, 2, 3], [1, 3, 2, 4]), 12);
        // Ranks of x: 1, 3, 3, 3, 5; of y: 3, 1, 2, 5, 4; rho = 2 / sqrt(8 · 10) = 1/√20.
        Assert.Equal(1 / Math.Sqrt(20), SpearmanCorrelation.Compute([10, 20, 20, 20, 30], [3, 1, 2, 5, 4]), 12);
    }

    [Fact]
    public void Average_ranks_share_the_mean_rank_of_a_tie()
    {
        Assert.Equal([2.5, 1, 2.5, 4, 5.5, 5.5], SpearmanCorrelation.AverageRanks([2, 1, 2, 3, 9, 9]));
    }

    [Fact]
    public void A_constant_sample_scores_zero()
    {
        Assert.Equal(0, SpearmanCorrelation.Compute([1, 2, 3, 4], [0.5, 0.5, 0.5, 0.5]));
    }

    [Fact]
    public void Perfectly_ordered_utilities_score_one_and_the_interval_collapses()
    {
        var result = LinearDatamodelingScore.Measure(Values, Subsets, [0.1, 0.2, 0.4, 0.9, 0.3]);
        Assert.Equal(new LdsResult(1, 1, 1, 5), result);
    }

    [Fact]
    public void Inversely_ordered_utilities_score_minus_one()
    {
        var result = LinearDatamodelingScore.Measure(Values, Subsets, [0.9, 0.4, 0.2, 0.1, 0.3]);
        Assert.Equal(new LdsResult(-1, -1, -1, 5), result);
    }

    [Fact]
    public void The_interval_is_fisher_z_with_the_bonett_wright_error()
    {
        // rho = 0.5, n = 28: atanh(0.5) ± 1.959964 · sqrt(1.125 / 25), mapped back by tanh.
        var (lower, upper) = LinearDatamodelingScore.Interval(0.5, 28, 0.95);
        Assert.Equal(0.13274690372229858, lower, 8);
        Assert.Equal(0.746533057841545, upper, 8);
    }

    [Fact]
    public void The_normal_quantile_matches_known_values()
    {
        Assert.Equal(1.959963984540054, NormalQuantile.Of(0.975), 7);
        Assert.Equal(2.5758293035489004, NormalQuantile.Of(0.995), 7);
        Assert.Equal(-2.3263478740408408, NormalQuantile.Of(0.01), 7);
        Assert.Equal(0, NormalQuantile.Of(0.5), 12);
    }

    [Fact]
    public void The_interval_contains_rho_and_narrows_with_more_subsets()
    {
        var small = Noisy(30);
        var large = Noisy(300);
        foreach (var r in new[] { small, large })
        {
            Assert.InRange(r.Spearman, r.Lower, r.Upper);
            Assert.True(r.Spearman is > 0.3 and < 0.99, $"rho {r.Spearman} should show a noisy positive relation");
        }
        Assert.True(large.Upper - large.Lower < small.Upper - small.Lower,
            $"300 subsets' interval [{large.Lower}, {large.Upper}] should be narrower than 30's [{small.Lower}, {small.Upper}]");
        // At one rho, the width shrinks like 1/sqrt(n − 3): ten times the subsets, under a third of the width.
        var (l30, u30) = LinearDatamodelingScore.Interval(0.7, 30, 0.95);
        var (l300, u300) = LinearDatamodelingScore.Interval(0.7, 300, 0.95);
        Assert.True(u300 - l300 < (u30 - l30) / 3, $"[{l300}, {u300}] should be under a third of [{l30}, {u30}]");
    }

    /// <summary>Utilities = predicted + deterministic noise, over subsets drawn from 20 contributions.</summary>
    private static LdsResult Noisy(int count)
    {
        var ids = Enumerable.Range(1, 20).Select(i => (BigInteger)i).ToArray();
        var values = ids.ToDictionary(id => id, id => (double)(int)id);
        var subsets = PrecisionSubsets.Draw(ids, count, seed: 11);
        var noise = new Sampling.DeterministicRandom(5);
        var utilities = subsets.Select(s => s.Sum(id => values[id]) + noise.NextInt(40)).ToArray();
        return LinearDatamodelingScore.Measure(values, subsets, utilities);
    }

    [Fact]
    public void Mismatched_lengths_are_refused()
    {
        var e = Assert.Throws<AttributionException>(() => LinearDatamodelingScore.Measure(Values, Subsets, [1, 2, 3, 4]));
        Assert.Equal("The LDS needs one measured utility per subset but got 5 subsets and 4 utilities", e.Message);
        var s = Assert.Throws<AttributionException>(() => SpearmanCorrelation.Compute([1, 2], [1]));
        Assert.Equal("Spearman's rho needs two samples of the same length but got 2 and 1", s.Message);
    }

    [Fact]
    public void Fewer_than_four_subsets_are_refused()
    {
        var e = Assert.Throws<AttributionException>(() => LinearDatamodelingScore.Measure(Values, [[1, 2], [3, 4], [1, 3]], [1, 2, 3]));
        Assert.Equal("The LDS needs at least 4 subsets for a confidence interval but got 3", e.Message);
    }

    [Fact]
    public void A_subset_naming_an_unknown_contribution_is_refused()
    {
        var e = Assert.Throws<AttributionException>(() =>
            LinearDatamodelingScore.Measure(Values, [[1, 2], [1, 3], [2, 9], [3, 4]], [1, 2, 3, 4]));
        Assert.Equal("Subset 2 names contribution 9, which has no value", e.Message);
    }

    [Fact]
    public void Non_finite_utilities_values_and_confidence_are_refused()
    {
        var utility = Assert.Throws<AttributionException>(() => LinearDatamodelingScore.Measure(Values, Subsets, [1, 2, double.NaN, 4, 5]));
        Assert.Equal("The measured utility of subset 2 must be a finite number but is NaN", utility.Message);
        var values = new Dictionary<BigInteger, double>(Values) { [3] = double.PositiveInfinity };
        var value = Assert.Throws<AttributionException>(() => LinearDatamodelingScore.Measure(values, Subsets, [1, 2, 3, 4, 5]));
        Assert.Equal("The value of contribution 3 must be a finite number but is Infinity", value.Message);
        var confidence = Assert.Throws<AttributionException>(() => LinearDatamodelingScore.Measure(Values, Subsets, [1, 2, 3, 4, 5], confidence: 1));
        Assert.Equal("The LDS confidence must be strictly between 0 and 1 but is 1", confidence.Message);
    }
}

using System.Numerics;
using OpenLedger.Attribution.Precision;

namespace OpenLedger.Attribution.Tests.Precision;

public class PrecisionSubsetsTests
{
    private static readonly BigInteger[] Ids = Enumerable.Range(1, 11).Select(i => (BigInteger)(i * 7)).ToArray();

    [Fact]
    public void Every_subset_is_exactly_half_the_contributions_sorted_and_distinct()
    {
        var subsets = PrecisionSubsets.Draw(Ids, 100, seed: 3);
        Assert.Equal(100, subsets.Count);
        foreach (var subset in subsets)
        {
            Assert.Equal(5, subset.Count); // floor(11 / 2)
            Assert.Equal(subset.Order(), subset);
            Assert.Equal(subset.Count, subset.Distinct().Count());
            Assert.All(subset, id => Assert.Contains(id, Ids));
        }
        // Independent draws: not all the same subset, and every contribution is drawn at some point.
        Assert.True(subsets.Select(s => string.Join(",", s)).Distinct().Count() > 50);
        Assert.Equal(Ids.Length, subsets.SelectMany(s => s).Distinct().Count());
    }

    [Fact]
    public void The_draw_is_deterministic_for_a_seed_and_ignores_the_order_of_the_ids()
    {
        var first = PrecisionSubsets.Draw(Ids, 20, seed: 99);
        var again = PrecisionSubsets.Draw(Ids.Reverse().ToArray(), 20, seed: 99);
        var other = PrecisionSubsets.Draw(Ids, 20, seed: 100);
        Assert.Equal(Flatten(first), Flatten(again));
        Assert.NotEqual(Flatten(first), Flatten(other));
    }

    [Fact]
    public void The_draw_of_a_fixed_seed_is_pinned()
    {
        // A pinned vector: reporters and verifiers in other processes (and languages) must draw the same subsets.
        var subsets = PrecisionSubsets.Draw([1, 2, 3, 4], 4, seed: 1);
        Assert.Equal(PinnedDraw, Flatten(subsets));
    }

    private const string PinnedDraw = "1,4 | 1,4 | 3,4 | 1,2";

    private static string Flatten(IReadOnlyList<IReadOnlyList<BigInteger>> subsets) =>
        string.Join(" | ", subsets.Select(s => string.Join(",", s)));

    [Fact]
    public void Too_few_subsets_duplicate_ids_and_too_few_contributions_are_refused()
    {
        Assert.Equal("Precision needs at least 4 subsets but 3 were asked for",
            Assert.Throws<AttributionException>(() => PrecisionSubsets.Draw(Ids, 3, seed: 1)).Message);
        Assert.Equal("Contribution 2 appears more than once",
            Assert.Throws<AttributionException>(() => PrecisionSubsets.Draw([1, 2, 2, 3], 10, seed: 1)).Message);
        Assert.Equal("Precision needs at least 2 contributions to draw half of them but got 1",
            Assert.Throws<AttributionException>(() => PrecisionSubsets.Draw([1], 10, seed: 1)).Message);
    }
}

using System.Numerics;
using OpenLedger.Attribution.Rewards;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Attribution.Tests;

public class LargestRemainderTests
{
    [Fact]
    public void Random_splits_add_up_to_the_total_to_the_wei_and_stay_within_one_of_the_exact_quota()
    {
        var random = new Random(2026);
        for (var run = 0; run < 500; run++)
        {
            var n = random.Next(1, 40);
            var total = TestData.RandomUint(random, random.Next(1, 32));
            var weights = Enumerable.Range(0, n).Select(_ => random.Next(4) == 0 ? BigInteger.Zero : TestData.RandomUint(random, 8)).ToArray();
            if (weights.All(w => w.IsZero)) weights[0] = 1;
            var accounts = Enumerable.Range(0, n).Select(_ => TestData.RandomAddress(random)).ToArray();
            var parts = LargestRemainder.Split(total, weights, accounts);
            Assert.Equal(total, parts.Aggregate(BigInteger.Zero, (s, p) => s + p));
            var sum = weights.Aggregate(BigInteger.Zero, (s, w) => s + w);
            for (var i = 0; i < n; i++)
            {
                var floor = total * weights[i] / sum;
                Assert.InRange(parts[i], floor, floor + 1);
                if (weights[i].IsZero) Assert.Equal(BigInteger.Zero, parts[i]);
            }
        }
    }

    [Fact]
    public void Equal_remainders_go_to_the_lower_addresses_whatever_the_input_order()
    {
        Address[] accounts = [TestData.AddressOf(3), TestData.AddressOf(1), TestData.AddressOf(2)];
        var parts = LargestRemainder.Split(2, [1, 1, 1], accounts);
        Assert.Equal([0, 1, 1], parts.Select(p => (int)p));
    }

    [Fact]
    public void Larger_remainders_win_over_lower_addresses()
    {
        // 10·3/7 = 4.29, 10·4/7 = 5.71: the leftover unit goes to the larger remainder.
        var parts = LargestRemainder.Split(10, [3, 4], [TestData.AddressOf(1), TestData.AddressOf(2)]);
        Assert.Equal([4, 6], parts.Select(p => (int)p));
    }

    [Fact]
    public void All_zero_weights_split_nothing()
    {
        Assert.All(LargestRemainder.Split(100, [0, 0], [TestData.AddressOf(1), TestData.AddressOf(2)]), p => Assert.Equal(BigInteger.Zero, p));
    }

    [Fact]
    public void Negative_weights_totals_and_mismatched_lists_are_rejected()
    {
        Assert.Contains("must not be negative but one is -1", Assert.Throws<AttributionException>(() => LargestRemainder.Split(1, [-1], [TestData.AddressOf(1)])).Message);
        Assert.Contains("must not be negative but is -1", Assert.Throws<AttributionException>(() => LargestRemainder.Split(-1, [1], [TestData.AddressOf(1)])).Message);
        Assert.Contains("got 2 weights and 1 accounts", Assert.Throws<AttributionException>(() => LargestRemainder.Split(1, [1, 1], [TestData.AddressOf(1)])).Message);
    }

    [Fact]
    public void Double_weights_become_integers_with_exactly_the_same_ratios()
    {
        var w = ExactWeights.FromDoubles([0.1, 0.2, 1.5, 0.0, 5e-324]);
        Assert.Equal(w[0] * 2, w[1]);
        Assert.Equal(BigInteger.Zero, w[3]);
        Assert.Equal(BigInteger.One, w[4]);
        var quarters = ExactWeights.FromDoubles([0.75, 0.25]);
        Assert.Equal(quarters[1] * 3, quarters[0]);
        Assert.Contains("weight 0 is NaN", Assert.Throws<AttributionException>(() => ExactWeights.FromDoubles([double.NaN])).Message);
        Assert.Contains("weight 1 is -1", Assert.Throws<AttributionException>(() => ExactWeights.FromDoubles([1, -1])).Message);
    }
}

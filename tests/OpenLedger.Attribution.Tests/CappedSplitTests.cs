using System.Numerics;
using OpenLedger.Attribution.Rewards;

namespace OpenLedger.Attribution.Tests;

public class CappedSplitTests
{
    private static readonly OpenLedger.Ethereum.Primitives.Address[] Accounts = Enumerable.Range(1, 8).Select(TestData.AddressOf).ToArray();

    [Fact]
    public void The_excess_above_the_cap_is_redistributed_until_nobody_exceeds_it()
    {
        // 10:5:1:1 of 1000 at a 40 % cap: the first holder is capped (588 > 400), then the second (429 of the rest > 400).
        var (parts, capped) = CappedSplit.Split(1000, [10, 5, 1, 1], Accounts[..4], 0.4m);
        Assert.Equal([400, 400, 100, 100], parts.Select(p => (int)p));
        Assert.Equal([true, true, false, false], capped);
    }

    [Fact]
    public void When_everyone_is_capped_the_rest_stays_undistributed()
    {
        var (parts, _) = CappedSplit.Split(100, [1, 1], Accounts[..2], 0.3m);
        Assert.Equal([30, 30], parts.Select(p => (int)p));
    }

    [Fact]
    public void Random_capped_splits_respect_the_cap_and_distribute_everything_unless_all_are_capped()
    {
        var random = new Random(77);
        for (var run = 0; run < 300; run++)
        {
            var n = random.Next(1, 8);
            var total = TestData.RandomUint(random, 12);
            var weights = Enumerable.Range(0, n).Select(_ => (BigInteger)random.Next(0, 1000)).ToArray();
            var cap = random.Next(1, 101) / 100m;
            var (parts, capped) = CappedSplit.Split(total, weights, Accounts[..n], cap);
            var limit = CappedSplit.CapAmount(total, cap);
            Assert.All(parts, p => Assert.True(p <= limit));
            var sum = parts.Aggregate(BigInteger.Zero, (s, p) => s + p);
            var positive = Enumerable.Range(0, n).Where(i => weights[i] > 0).ToArray();
            if (positive.Length > 0 && positive.Any(i => !capped[i])) Assert.Equal(total, sum);
            else Assert.True(sum <= total);
        }
    }

    [Fact]
    public void The_cap_amount_uses_the_decimal_fraction_exactly()
    {
        Assert.Equal(new BigInteger(1), CappedSplit.CapAmount(10, 0.1m));
        Assert.Equal(BigInteger.Parse("333333333333333333"), CappedSplit.CapAmount(BigInteger.Parse("1000000000000000000"), 0.333333333333333333m));
    }

    [Fact]
    public void A_cap_outside_zero_to_one_is_rejected()
    {
        Assert.Contains("fraction in (0, 1] but is 1.5", Assert.Throws<AttributionException>(() => CappedSplit.Split(1, [1], Accounts[..1], 1.5m)).Message);
    }
}

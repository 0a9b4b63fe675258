using System.Numerics;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Attribution.Rewards;

/// <summary>
/// The largest-remainder split with an optional per-account cap (a fraction of the total). Whoever the split would
/// give more than the cap gets exactly the cap, and the rest is split again among the uncapped accounts in
/// proportion to their weights, until nobody exceeds it. If every account with a positive weight is capped, what is
/// left stays undistributed (it remains in the model's pool): a cap is a promise that no one gets more.
/// </summary>
public static class CappedSplit
{
    public static (BigInteger[] Parts, bool[] Capped) Split(BigInteger total, IReadOnlyList<BigInteger> weights,
        IReadOnlyList<Address> accounts, decimal? capFraction)
    {
        var n = weights.Count;
        var capped = new bool[n];
        if (capFraction is null) return (LargestRemainder.Split(total, weights, accounts), capped);
        if (capFraction <= 0 || capFraction > 1)
            throw new AttributionException($"The per-contributor cap must be a fraction in (0, 1] but is {capFraction}");
        var cap = CapAmount(total, capFraction.Value);
        while (true)
        {
            var free = Enumerable.Range(0, n).Where(i => !capped[i]).ToArray();
            var remaining = total - cap * (n - free.Length);
            var parts = LargestRemainder.Split(remaining, free.Select(i => weights[i]).ToArray(), free.Select(i => accounts[i]).ToArray());
            var over = free.Where((_, j) => parts[j] > cap).ToArray();
            if (over.Length == 0)
            {
                var result = new BigInteger[n];
                for (var i = 0; i < n; i++) if (capped[i]) result[i] = cap;
                for (var j = 0; j < free.Length; j++) result[free[j]] = parts[j];
                return (result, capped);
            }
            foreach (var i in over) capped[i] = true;
        }
    }

    /// <summary>⌊total · fraction⌋ with the decimal fraction taken exactly (0.1 is 1/10).</summary>
    public static BigInteger CapAmount(BigInteger total, decimal fraction)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(fraction, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        var numerator = new BigInteger((uint)bits[0]) | new BigInteger((uint)bits[1]) << 32 | new BigInteger((uint)bits[2]) << 64;
        return total * numerator / BigInteger.Pow(10, scale);
    }
}

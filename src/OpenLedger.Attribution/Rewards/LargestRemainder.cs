using System.Numerics;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Attribution.Rewards;

/// <summary>
/// Splits an integer total in proportion to integer weights, exactly: everyone gets ⌊total·w/W⌋, and the units left
/// over go one each to the largest remainders; equal remainders are broken by account address ascending, so the
/// split is a pure function of its inputs. The parts always sum to the total (when any weight is positive).
/// </summary>
public static class LargestRemainder
{
    public static BigInteger[] Split(BigInteger total, IReadOnlyList<BigInteger> weights, IReadOnlyList<Address> accounts)
    {
        if (total.Sign < 0) throw new AttributionException($"The total to split must not be negative but is {total}");
        if (weights.Count != accounts.Count)
            throw new AttributionException($"Each weight needs an account but got {weights.Count} weights and {accounts.Count} accounts");
        var sum = BigInteger.Zero;
        foreach (var w in weights)
        {
            if (w.Sign < 0) throw new AttributionException($"Weights must not be negative but one is {w}");
            sum += w;
        }
        var parts = new BigInteger[weights.Count];
        if (sum.IsZero) return parts;
        var remainders = new BigInteger[weights.Count];
        var given = BigInteger.Zero;
        for (var i = 0; i < weights.Count; i++)
        {
            parts[i] = BigInteger.DivRem(total * weights[i], sum, out remainders[i]);
            given += parts[i];
        }
        var left = (int)(total - given); // < number of positive weights, since each remainder < sum
        if (left == 0) return parts;
        var order = Enumerable.Range(0, weights.Count)
            .OrderByDescending(i => remainders[i])
            .ThenBy(i => accounts[i])
            .ThenBy(i => i);
        foreach (var i in order.Take(left)) parts[i] += 1;
        return parts;
    }
}

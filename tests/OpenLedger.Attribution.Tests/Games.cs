using System.Numerics;

namespace OpenLedger.Attribution.Tests;

/// <summary>Cooperative games with known values; players are contribution ids 1..n.</summary>
internal static class Games
{
    /// <summary>Glove game: ids in <paramref name="left"/> hold a left glove, others a right one; U = pairs formed.</summary>
    public static Func<IReadOnlyList<BigInteger>, double> Glove(IReadOnlySet<BigInteger> left) =>
        s => Math.Min(s.Count(left.Contains), s.Count(id => !left.Contains(id)));

    /// <summary>Airport game as a value game: U(S) = max runway length any plane in S needs.</summary>
    public static Func<IReadOnlyList<BigInteger>, double> Airport(IReadOnlyDictionary<BigInteger, double> cost) =>
        s => s.Count == 0 ? 0 : s.Max(id => cost[id]);

    /// <summary>Airport Shapley closed form: costs sorted c1 ≤ … ≤ cn, φ_i = Σ_{j≤i} (c_j − c_{j−1}) / (n − j + 1).</summary>
    public static Dictionary<BigInteger, double> AirportShapley(IReadOnlyDictionary<BigInteger, double> cost)
    {
        var sorted = cost.OrderBy(kv => kv.Value).ThenBy(kv => kv.Key).ToArray();
        var n = sorted.Length;
        var result = new Dictionary<BigInteger, double>();
        var running = 0.0;
        for (var j = 0; j < n; j++)
        {
            running += (sorted[j].Value - (j == 0 ? 0 : sorted[j - 1].Value)) / (n - j);
            result[sorted[j].Key] = running;
        }
        return result;
    }

    /// <summary>Weighted voting: U = 1 when the members' weights reach the quota.</summary>
    public static Func<IReadOnlyList<BigInteger>, double> Voting(IReadOnlyDictionary<BigInteger, int> weight, int quota) =>
        s => s.Sum(id => weight[id]) >= quota ? 1 : 0;

    /// <summary>Symmetric majority game of n one-vote players.</summary>
    public static Func<IReadOnlyList<BigInteger>, double> Majority(int quota) => s => s.Count >= quota ? 1 : 0;

    public static double Binomial(int n, int k)
    {
        var r = 1.0;
        for (var i = 1; i <= k; i++) r = r * (n - k + i) / i;
        return r;
    }
}

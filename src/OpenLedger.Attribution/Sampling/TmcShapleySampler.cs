using System.Numerics;
using OpenLedger.Attribution.Methods;

namespace OpenLedger.Attribution.Sampling;

/// <summary>
/// Generates TMC-Shapley evidence from a utility function: random permutations (seeded) and the utility after
/// each prefix, stopping a permutation once the prefix is within <c>tolerance·|U(N)|</c> of the full utility.
/// The permutations are <see cref="Draw"/>'s, over the players in ascending order, so anyone can redraw them from the
/// seed: <see cref="TmcShapley"/> refuses evidence whose orders differ.
/// </summary>
public static class TmcShapleySampler
{
    /// <remarks><c>utility</c>: Utility of a coalition given as contribution ids (in visiting order).</remarks>
    /// <remarks><c>seed</c>: In a report, <see cref="SamplingSeed.Derive"/> of the report; any seed for other uses.</remarks>
    public static TmcShapleyEvidence Generate(IReadOnlyList<BigInteger> players, Func<IReadOnlyList<BigInteger>, double> utility,
        ulong seed, int permutations, double tolerance)
    {
        if (permutations < 1) throw new AttributionException($"At least 1 permutation is needed but {permutations} were asked for");
        if (!(tolerance >= 0) || !double.IsFinite(tolerance))
            throw new AttributionException($"The truncation tolerance must be a finite number ≥ 0 but is {tolerance}");
        var ascending = Ascending(players);
        var empty = utility([]);
        var full = utility(ascending);
        var samples = new List<PermutationSample>(permutations);
        var prefix = new List<BigInteger>(ascending.Length);
        foreach (var drawn in Draw(ascending.Length, seed).Take(permutations))
        {
            var order = drawn.Select(i => ascending[i]).ToArray();
            var utilities = new List<double>();
            prefix.Clear();
            foreach (var id in order)
            {
                prefix.Add(id);
                var u = utility(prefix);
                utilities.Add(u);
                if (TmcShapleyEvidence.WithinTolerance(u, full, tolerance)) break;
            }
            samples.Add(new PermutationSample(order, utilities));
        }
        return new TmcShapleyEvidence(empty, full, tolerance, seed, samples);
    }

    /// <summary>
    /// The endless sequence of permutations <paramref name="seed"/> draws over <paramref name="players"/> players, as
    /// indexes into the players in ascending order. Evidence holds a prefix of it: the first n permutations.
    /// </summary>
    public static IEnumerable<int[]> Draw(int players, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        while (true) yield return random.Permutation(players);
    }

    internal static BigInteger[] Ascending(IReadOnlyList<BigInteger> players)
    {
        var ascending = players.Order().ToArray();
        for (var i = 1; i < ascending.Length; i++)
            if (ascending[i] == ascending[i - 1]) throw new AttributionException($"Contribution {ascending[i]} is listed twice among the players");
        return ascending;
    }
}

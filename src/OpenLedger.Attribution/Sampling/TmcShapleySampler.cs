using System.Numerics;
using OpenLedger.Attribution.Methods;

namespace OpenLedger.Attribution.Sampling;

/// <summary>
/// Generates TMC-Shapley evidence from a utility function: random permutations (seeded) and the utility after
/// each prefix, stopping a permutation once the prefix is within <c>tolerance·|U(N)|</c> of the full utility.
/// </summary>
public static class TmcShapleySampler
{
    /// <remarks><c>utility</c>: Utility of a coalition given as contribution ids (in visiting order).</remarks>
    public static TmcShapleyEvidence Generate(IReadOnlyList<BigInteger> players, Func<IReadOnlyList<BigInteger>, double> utility,
        ulong seed, int permutations, double tolerance)
    {
        if (permutations < 1) throw new AttributionException($"At least 1 permutation is needed but {permutations} were asked for");
        if (!(tolerance >= 0) || !double.IsFinite(tolerance))
            throw new AttributionException($"The truncation tolerance must be a finite number ≥ 0 but is {tolerance}");
        var empty = utility([]);
        var full = utility(players);
        var random = new DeterministicRandom(seed);
        var samples = new List<PermutationSample>(permutations);
        var prefix = new List<BigInteger>(players.Count);
        for (var p = 0; p < permutations; p++)
        {
            var order = random.Permutation(players.Count).Select(i => players[i]).ToArray();
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
}

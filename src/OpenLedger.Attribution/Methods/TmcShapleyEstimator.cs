namespace OpenLedger.Attribution.Methods;

/// <summary>
/// Truncated Monte Carlo Shapley (Ghorbani &amp; Zou 2019): the mean marginal contribution of each player over
/// sampled permutations. A permutation's utilities may stop early (truncation): the players after the last
/// recorded prefix contribute 0, because the prefix was already within tolerance of the full utility.
/// </summary>
public static class TmcShapleyEstimator
{
    /// <remarks><c>players</c>: Number of players; every permutation orders all of them.</remarks>
    /// <remarks><c>emptyUtility</c>: U(∅), the utility before the first player.</remarks>
    /// <remarks><c>permutations</c>: Player indexes in visiting order.</remarks>
    /// <remarks><c>prefixUtilities</c>: U of each prefix (index j = after the first j+1 players), possibly truncated.</remarks>
    public static SampledValues Estimate(int players, double emptyUtility, IReadOnlyList<int[]> permutations, IReadOnlyList<double[]> prefixUtilities)
    {
        if (permutations.Count != prefixUtilities.Count)
            throw new AttributionException($"TMC-Shapley needs one utility list per permutation but got {permutations.Count} permutations and {prefixUtilities.Count} lists");
        var moments = new RunningMoments[players];
        var marginal = new double[players];
        for (var p = 0; p < permutations.Count; p++)
        {
            var order = permutations[p];
            var utilities = prefixUtilities[p];
            if (order.Length != players)
                throw new AttributionException($"Permutation {p} must order all {players} players but has {order.Length}");
            if (utilities.Length > players)
                throw new AttributionException($"Permutation {p} has {utilities.Length} utilities for {players} players");
            System.Array.Clear(marginal);
            var previous = emptyUtility;
            for (var j = 0; j < utilities.Length; j++)
            {
                marginal[order[j]] = utilities[j] - previous;
                previous = utilities[j];
            }
            for (var i = 0; i < players; i++) moments[i].Add(marginal[i]);
        }
        return new SampledValues(
            moments.Select(m => m.Count == 0 ? 0.0 : m.Mean).ToArray(),
            moments.Select(m => m.StandardError).ToArray());
    }
}

namespace OpenLedger.Attribution.Methods;

/// <summary>Exact Shapley values from the utilities of all 2^n coalitions, indexed by bitmask (bit i = player i).</summary>
public static class ShapleyExact
{
    public const int MaxPlayers = 24;

    /// <summary>
    /// φ_i = Σ_{S ⊆ N∖{i}} |S|!(n−|S|−1)!/n! · (U(S∪{i}) − U(S)), in O(n·2^n). The weights are computed as
    /// products of ratios rather than factorials so n = 24 does not overflow.
    /// </summary>
    public static double[] Compute(int players, ReadOnlySpan<double> utilityByMask)
    {
        if (players is < 0 or > MaxPlayers)
            throw new AttributionException($"Exact Shapley supports 0 to {MaxPlayers} players but got {players}");
        if (utilityByMask.Length != 1 << players)
            throw new AttributionException($"Exact Shapley over {players} players needs {1 << players} utilities but got {utilityByMask.Length}");
        var weight = new double[Math.Max(players, 1)];
        // w(s) = s!(n−s−1)!/n!; w(0) = 1/n, w(s+1) = w(s)·(s+1)/(n−s−1).
        if (players > 0) weight[0] = 1.0 / players;
        for (var s = 0; s + 1 < players; s++) weight[s + 1] = weight[s] * (s + 1) / (players - s - 1);
        var values = new double[players];
        var full = (1 << players) - 1;
        for (var i = 0; i < players; i++)
        {
            var bit = 1 << i;
            var sum = 0.0;
            for (var mask = 0; mask <= full; mask++)
            {
                if ((mask & bit) != 0) continue;
                sum += weight[System.Numerics.BitOperations.PopCount((uint)mask)] * (utilityByMask[mask | bit] - utilityByMask[mask]);
            }
            values[i] = sum;
        }
        return values;
    }
}

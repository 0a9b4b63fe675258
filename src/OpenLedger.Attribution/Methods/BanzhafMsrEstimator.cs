namespace OpenLedger.Attribution.Methods;

/// <summary>
/// Data Banzhaf with the maximum-sample-reuse estimator (Wang &amp; Jia 2023): every sampled coalition S is used for
/// every player, value_i = mean U(S) over samples with i ∈ S − mean U(S) over samples with i ∉ S.
/// </summary>
public static class BanzhafMsrEstimator
{
    /// <remarks><c>membership</c>: Per sample, a bitset of players (bit i of word i/64).</remarks>
    public static SampledValues Estimate(int players, IReadOnlyList<ulong[]> membership, IReadOnlyList<double> utilities)
    {
        if (membership.Count != utilities.Count)
            throw new AttributionException($"Banzhaf needs one utility per sample but got {membership.Count} samples and {utilities.Count} utilities");
        var words = (players + 63) / 64;
        var inside = new RunningMoments[players];
        var outside = new RunningMoments[players];
        for (var s = 0; s < membership.Count; s++)
        {
            var bits = membership[s];
            if (bits.Length != words)
                throw new AttributionException($"Sample {s} must have {words} membership words for {players} players but has {bits.Length}");
            var u = utilities[s];
            for (var i = 0; i < players; i++)
            {
                if ((bits[i >> 6] >> (i & 63) & 1) != 0) inside[i].Add(u);
                else outside[i].Add(u);
            }
        }
        var values = new double[players];
        var errors = new double[players];
        for (var i = 0; i < players; i++)
        {
            if (inside[i].Count == 0 || outside[i].Count == 0)
                throw new AttributionException($"Banzhaf needs samples with and without player {i} but it is in {inside[i].Count} and out of {outside[i].Count}");
            values[i] = inside[i].Mean - outside[i].Mean;
            errors[i] = inside[i].Count < 2 || outside[i].Count < 2
                ? double.NaN
                : Math.Sqrt(inside[i].Variance / inside[i].Count + outside[i].Variance / outside[i].Count);
        }
        return new SampledValues(values, errors);
    }
}

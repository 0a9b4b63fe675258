namespace OpenLedger.Attribution.Precision;

/// <summary>
/// Spearman's rank correlation: the Pearson correlation of the two samples' ranks, ties given their average rank
/// (so the score of tied data is the textbook one, not an artefact of the order ties were sorted in).
/// </summary>
public static class SpearmanCorrelation
{
    public static double Compute(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count)
            throw new AttributionException($"Spearman's rho needs two samples of the same length but got {x.Count} and {y.Count}");
        if (x.Count < 2) throw new AttributionException($"Spearman's rho needs at least 2 pairs but got {x.Count}");
        var rx = AverageRanks(x);
        var ry = AverageRanks(y);
        var mean = (x.Count + 1) / 2.0;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Count; i++)
        {
            var dx = rx[i] - mean;
            var dy = ry[i] - mean;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        // A constant sample carries no rank information: it predicts nothing, so the score is 0 rather than undefined
        // (a model owner's minimum precision then refuses it instead of a NaN slipping through).
        if (sxx == 0 || syy == 0) return 0;
        return Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
    }

    /// <summary>Ranks 1..n; a run of equal values all get the mean of the ranks they span.</summary>
    public static double[] AverageRanks(IReadOnlyList<double> sample)
    {
        var order = new int[sample.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        // Stable and total: equal values keep index order, which does not matter since they share one rank.
        Array.Sort(order, (a, b) => sample[a] != sample[b] ? sample[a].CompareTo(sample[b]) : a.CompareTo(b));
        var ranks = new double[sample.Count];
        var start = 0;
        while (start < order.Length)
        {
            var end = start;
            while (end + 1 < order.Length && sample[order[end + 1]] == sample[order[start]]) end++;
            var rank = (start + end) / 2.0 + 1;
            for (var k = start; k <= end; k++) ranks[order[k]] = rank;
            start = end + 1;
        }
        return ranks;
    }
}

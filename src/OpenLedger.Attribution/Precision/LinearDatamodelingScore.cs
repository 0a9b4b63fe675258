using System.Numerics;

namespace OpenLedger.Attribution.Precision;

/// <summary>
/// The linear datamodeling score (Park et al. 2023, TRAK): how well attribution values predict the model. Each subset's
/// predicted utility is the sum of its members' values; the LDS is Spearman's rho (ties get average ranks) between the
/// predicted utilities and the utilities measured by retraining the model on each subset. Its confidence interval
/// is Fisher's z with the Bonett–Wright standard error sqrt((1 + rho²/2)/(n − 3)), the one suited to Spearman's rho.
/// </summary>
public static class LinearDatamodelingScore
{
    /// <summary>Fisher's z needs n − 3 &gt; 0.</summary>
    public const int MinimumSubsets = 4;

    public static LdsResult Measure(IReadOnlyDictionary<BigInteger, double> values,
        IReadOnlyList<IReadOnlyList<BigInteger>> subsets, IReadOnlyList<double> measuredUtilities,
        double confidence = 0.95)
    {
        if (!(confidence > 0 && confidence < 1))
            throw new AttributionException($"The LDS confidence must be strictly between 0 and 1 but is {confidence}");
        if (subsets.Count != measuredUtilities.Count)
            throw new AttributionException($"The LDS needs one measured utility per subset but got {subsets.Count} subsets and {measuredUtilities.Count} utilities");
        if (subsets.Count < MinimumSubsets)
            throw new AttributionException($"The LDS needs at least {MinimumSubsets} subsets for a confidence interval but got {subsets.Count}");
        foreach (var (id, value) in values)
            if (!double.IsFinite(value)) throw new AttributionException($"The value of contribution {id} must be a finite number but is {value}");
        var predicted = new double[subsets.Count];
        for (var s = 0; s < subsets.Count; s++)
        {
            if (!double.IsFinite(measuredUtilities[s]))
                throw new AttributionException($"The measured utility of subset {s} must be a finite number but is {measuredUtilities[s]}");
            var sum = 0.0;
            foreach (var id in subsets[s])
            {
                if (!values.TryGetValue(id, out var value))
                    throw new AttributionException($"Subset {s} names contribution {id}, which has no value");
                sum += value;
            }
            predicted[s] = sum;
        }
        var rho = SpearmanCorrelation.Compute(predicted, measuredUtilities);
        var (lower, upper) = Interval(rho, subsets.Count, confidence);
        return new LdsResult(rho, lower, upper, subsets.Count);
    }

    /// <summary>Fisher-z interval of Spearman's rho; at |rho| = 1 it collapses onto rho (atanh is infinite there).</summary>
    public static (double Lower, double Upper) Interval(double rho, int subsets, double confidence)
    {
        if (subsets < MinimumSubsets)
            throw new AttributionException($"The LDS needs at least {MinimumSubsets} subsets for a confidence interval but got {subsets}");
        var z = Math.Atanh(rho);
        var standardError = Math.Sqrt((1 + rho * rho / 2) / (subsets - 3));
        var half = NormalQuantile.Of((1 + confidence) / 2) * standardError;
        return (Math.Tanh(z - half), Math.Tanh(z + half));
    }
}

using System.Numerics;
using OpenLedger.Attribution.Reports;

namespace OpenLedger.Training.Precision;

/// <summary>
/// Re-measures a sample of a report's precision subsets with the verifier's own retraining and says how far the
/// report's utilities are from it. The sample is evenly spread over the subsets (every ⌈total/sample⌉-th, from the
/// first), so it is the same for every verifier and cannot be steered towards the subsets a reporter measured honestly.
/// </summary>
public static class PrecisionRecompute
{
    /// <summary>A deterministic model class (k-NN) re-measures the same utility to the last bit; this only absorbs printing.</summary>
    public const double Tolerance = 1e-9;

    public static PrecisionRecomputation Compare(PrecisionSection section, int sample, Func<IReadOnlyList<BigInteger>, double> subsetUtility)
    {
        if (sample < 1) throw new AttributionException($"The number of subsets to re-measure must be at least 1 but is {sample}");
        var total = section.Subsets.Count;
        var step = (int)Math.Ceiling((double)total / Math.Min(sample, total));
        var indices = Enumerable.Range(0, total).Where(i => i % step == 0).ToArray();
        var mine = new double[indices.Length];
        Parallel.For(0, indices.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            j => mine[j] = subsetUtility(section.Subsets[indices[j]].Members));
        double max = 0, sum = 0;
        var mismatched = 0;
        int? first = null;
        for (var j = 0; j < indices.Length; j++)
        {
            var difference = Math.Abs(section.Subsets[indices[j]].Utility - mine[j]);
            if (!double.IsFinite(difference))
                throw new AttributionException($"Subset {indices[j]} re-measured as {mine[j]}, not a finite number");
            max = Math.Max(max, difference);
            sum += difference;
            if (difference > Tolerance)
            {
                mismatched++;
                first ??= indices[j];
            }
        }
        return new PrecisionRecomputation(indices.Length, total, max, sum / indices.Length, mismatched, first);
    }
}

using System.Numerics;
using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Reports;

namespace OpenLedger.Training.Precision;

/// <summary>
/// Re-measures a sample of a report's measured coalitions (its precision subsets, or its retraining evidence's
/// coalitions) with the verifier's own retraining and says how far the report's utilities are from it. The sample is
/// evenly spread over the coalitions (every ⌈total/sample⌉-th, from the first), so it is the same for every verifier
/// and cannot be steered towards the coalitions a reporter measured honestly.
/// </summary>
public static class PrecisionRecompute
{
    /// <summary>
    /// Every model class the verifier retrains re-measures the same utility to the last bit: k-NN has no training
    /// randomness, and logreg and fasttree (single-threaded ML.NET trainers, a seeded MLContext) gave identical
    /// utilities in two processes on every coalition measured (ModelDeterminismTests: 40 coalitions of Wine's shards each,
    /// trained in parallel in one process and one at a time in another, largest difference 0; logreg's trained weights
    /// identical to the bit). So this only absorbs printing; moving a utility by one test row (1/rows) is far above it.
    /// </summary>
    public const double Tolerance = 1e-9;

    public static PrecisionRecomputation Compare(PrecisionSection section, int sample, Func<IReadOnlyList<BigInteger>, double> subsetUtility) =>
        Compare(section.Subsets, sample, subsetUtility);

    public static PrecisionRecomputation Compare(IReadOnlyList<CoalitionUtility> reported, int sample, Func<IReadOnlyList<BigInteger>, double> utility)
    {
        if (sample < 1) throw new AttributionException($"The number of subsets to re-measure must be at least 1 but is {sample}");
        var total = reported.Count;
        if (total == 0) return new PrecisionRecomputation(0, 0, 0, 0, 0, null);
        var step = (int)Math.Ceiling((double)total / Math.Min(sample, total));
        var indices = Enumerable.Range(0, total).Where(i => i % step == 0).ToArray();
        var mine = new double[indices.Length];
        Parallel.For(0, indices.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            j => mine[j] = utility(reported[indices[j]].Members));
        double max = 0, sum = 0;
        var mismatched = 0;
        int? first = null;
        for (var j = 0; j < indices.Length; j++)
        {
            var difference = Math.Abs(reported[indices[j]].Utility - mine[j]);
            if (!double.IsFinite(difference))
                throw new AttributionException($"Coalition {indices[j]} re-measured as {mine[j]}, not a finite number");
            max = Math.Max(max, difference);
            sum += difference;
            if (difference > Tolerance && mismatched++ == 0) first = j;
        }
        return first is { } f
            ? new PrecisionRecomputation(indices.Length, total, max, sum / indices.Length, mismatched, indices[f],
                reported[indices[f]].Members, reported[indices[f]].Utility, mine[f])
            : new PrecisionRecomputation(indices.Length, total, max, sum / indices.Length, 0, null);
    }
}

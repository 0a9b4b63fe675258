using System.Globalization;
using System.Numerics;
using OpenLedger.Attribution.Reports;

namespace OpenLedger.Attribution.Precision;

/// <summary>
/// A model's minimum precision (ContributionRegistry policy <c>minPrecisionBps</c>: the lowest LDS, in basis points of
/// 1, an epoch's report may have; 0 = none). A report that does not measure its precision, or measures less, is
/// refused before anything is posted: the node's intake and <c>openledger epoch submit</c> both apply this check.
/// </summary>
public static class PrecisionPolicy
{
    public const int MaxBps = 10_000;

    /// <summary>The problem with <paramref name="report"/> under a minimum of <paramref name="minPrecisionBps"/>, or null when it meets it.</summary>
    public static ReportProblem? Check(PerformanceReport report, BigInteger modelId, int minPrecisionBps)
    {
        if (minPrecisionBps <= 0) return null;
        var minimum = $"model {modelId}'s minimum precision of LDS {Format(minPrecisionBps)} (policy minPrecisionBps {minPrecisionBps})";
        if (report.Precision is not { } precision)
            return new ReportProblem("precision", $"the report does not measure its precision, but {minimum} requires it: build the report " +
                "after the epoch's evaluation set is sealed, so its precision subsets can be drawn (openledger report knn then measures them)");
        if (precision.Lds * MaxBps < minPrecisionBps)
            return new ReportProblem("precision.lds", $"{precision.Lds.ToString("0.0000", CultureInfo.InvariantCulture)} is below {minimum}: " +
                "the attribution does not predict the retrained model well enough to pay on (docs/epochs.md, \"Minimum precision\")");
        return null;
    }

    /// <summary>Basis points as an LDS: 8000 → "0.8000".</summary>
    public static string Format(int bps) => (bps / (decimal)MaxBps).ToString("0.0000", CultureInfo.InvariantCulture);
}

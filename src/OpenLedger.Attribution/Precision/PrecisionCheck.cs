using OpenLedger.Attribution.Reports;

namespace OpenLedger.Attribution.Precision;

/// <summary>
/// The engine's side of the precision section: recompute the LDS from the distribution's own values (what the epoch
/// pays on) and the report's measured utilities, and refuse a claim that differs. The reporter cannot headline a
/// precision its attribution does not have; the utilities themselves are re-measured by <c>epoch verify --recompute</c>.
/// </summary>
public static class PrecisionCheck
{
    /// <summary>The claimed score and bounds must equal the recomputed ones within this (summation order aside, they are the same arithmetic).</summary>
    public const double Tolerance = 1e-9;

    public static PrecisionSummary Verify(PrecisionSection section, IReadOnlyList<ContributionValue> values)
    {
        var byId = values.ToDictionary(v => v.Id, v => v.Value);
        var measured = LinearDatamodelingScore.Measure(byId, [.. section.Subsets.Select(s => s.Members)],
            [.. section.Subsets.Select(s => s.Utility)], section.Confidence);
        var problems = new List<ReportProblem>();
        Compare(problems, "lds", section.Lds, measured.Spearman);
        Compare(problems, "lower", section.Lower, measured.Lower);
        Compare(problems, "upper", section.Upper, measured.Upper);
        if (problems.Count > 0) throw new ReportValidationException(problems);
        return new PrecisionSummary(section.ModelClass, measured.Spearman, measured.Lower, measured.Upper, measured.Subsets, section.Confidence);
    }

    private static void Compare(List<ReportProblem> problems, string field, double claimed, double recomputed)
    {
        if (Math.Abs(claimed - recomputed) <= Tolerance) return;
        problems.Add(new ReportProblem($"{PrecisionSectionReader.Path}.{field}",
            $"must be {Format(recomputed)}, recomputed from the attribution values and the subsets' measured utilities, but is {Format(claimed)}"));
    }

    private static string Format(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}

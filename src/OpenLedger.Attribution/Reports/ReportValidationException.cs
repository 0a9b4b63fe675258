namespace OpenLedger.Attribution.Reports;

/// <summary>A performance report that cannot be attributed; <see cref="Problems"/> lists every problem found.</summary>
public sealed class ReportValidationException : AttributionException
{
    public ReportValidationException(IReadOnlyList<ReportProblem> problems)
        : base(Describe(problems)) => Problems = problems;

    public IReadOnlyList<ReportProblem> Problems { get; }

    private static string Describe(IReadOnlyList<ReportProblem> problems)
    {
        const int shown = 20;
        var lines = problems.Take(shown).Select(p => "  " + p);
        var more = problems.Count > shown ? $"\n  ... and {problems.Count - shown} more" : "";
        return $"The performance report is invalid ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):\n"
            + string.Join('\n', lines) + more;
    }
}

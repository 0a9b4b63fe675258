using OpenLedger.Attribution.Reports;

namespace OpenLedger.Node.Epochs;

public enum SubmissionStatus
{
    /// <summary>Checked, stored and posted now.</summary>
    Posted,
    /// <summary>The same report (same hash) was already posted for this epoch: nothing was sent.</summary>
    AlreadyPosted,
    /// <summary>The report is invalid or disagrees with the chain: nothing was stored or sent.</summary>
    Rejected,
    /// <summary>A different report stands for this epoch on chain.</summary>
    Conflict,
    /// <summary>The report is valid but postEpoch failed (reverted, or the node is not configured to post).</summary>
    Failed,
}

/// <summary>What became of one submitted report; <see cref="Problems"/> name the report fields at fault.</summary>
public sealed record SubmissionOutcome(SubmissionStatus Status, EpochSubmission? Submission, IReadOnlyList<ReportProblem> Problems, string Detail)
{
    public static SubmissionOutcome Rejected(IReadOnlyList<ReportProblem> problems) =>
        new(SubmissionStatus.Rejected, null, problems, string.Join("; ", problems.Select(p => p.ToString())));

    public override string ToString() => $"{Status}: {Detail}";
}

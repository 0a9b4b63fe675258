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
    /// <summary>This process is not the leader (a standby waiting for the lease, or one that lost it): nothing was read or sent.</summary>
    Unavailable,
}

/// <summary>What became of one submitted report; <see cref="Problems"/> name the report fields at fault.</summary>
public sealed record SubmissionOutcome(SubmissionStatus Status, EpochSubmission? Submission, IReadOnlyList<ReportProblem> Problems, string Detail)
{
    public static SubmissionOutcome Rejected(IReadOnlyList<ReportProblem> problems) =>
        new(SubmissionStatus.Rejected, null, problems, string.Join("; ", problems.Select(p => p.ToString())));

    /// <summary>The refusal of a process that may not post now (<see cref="OpenLedger.Indexer.Leadership.WriterStanding"/>).</summary>
    public static SubmissionOutcome NotTheLeader(string refusal) =>
        new(SubmissionStatus.Unavailable, null, [], $"{refusal}; send reports to the leader");

    public override string ToString() => $"{Status}: {Detail}";
}

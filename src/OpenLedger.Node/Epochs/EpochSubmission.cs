namespace OpenLedger.Node.Epochs;

/// <summary>
/// One report submitted for a model epoch, as the node recorded it. Status: "sending" (stored, postEpoch not yet
/// confirmed), "posted" (on chain with this report hash), "failed" (the chain refused it). Hashes 0x lower-case.
/// </summary>
public sealed record EpochSubmission
{
    public const string Sending = "sending";
    public const string Posted = "posted";
    public const string Failed = "failed";

    public long ModelId { get; init; }
    public long Epoch { get; init; }
    public string ReportHash { get; init; } = "";
    public string DistributionHash { get; init; } = "";
    public string Root { get; init; } = "";
    public string TotalOpen { get; init; } = "0";
    public string TotalShares { get; init; } = "0";
    public string ReportUri { get; init; } = "";
    public string Status { get; init; } = "";
    public string? TxHash { get; init; }
}

namespace OpenLedger.Indexer.Store.Rows;

/// <summary>An EpochPosted event. A vetoed epoch number may be posted again, so postings are keyed by event.</summary>
public sealed record EpochPostingRow(
    long BlockNumber, int LogIndex, string TxHash, long ModelId, long Epoch, string Root,
    string TotalOpen, string TotalShares, string ReportHash, string ReportUri, long ChallengeEndsAt);

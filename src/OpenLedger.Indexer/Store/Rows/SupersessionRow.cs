namespace OpenLedger.Indexer.Store.Rows;

/// <summary>
/// A ContributionSuperseded event: a reveal took content back. The registration of <c>Contributor</c> under
/// ContributionId that was current before this event ends (its Forfeited bond, decimal text, went to the reward pool);
/// the registration of <c>By</c> that follows in the same transaction carries the same, content-addressed id.
/// </summary>
public sealed record SupersessionRow(
    long BlockNumber, int LogIndex, string TxHash, string ContributionId, long ModelId, string Contributor, string By, string Forfeited);

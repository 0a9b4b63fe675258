namespace OpenLedger.Indexer.Store.Rows;

/// <summary>
/// A registered contribution, from ContributionRegistered (BatchIndex 0) or one entry of ContributionsRegistered
/// (BatchIndex = position in the batch). Bond is the registered bond in OPEN wei, decimal text.
/// </summary>
public sealed record ContributionRow(
    long BlockNumber, int LogIndex, int BatchIndex, string TxHash,
    string Id, long ModelId, string Contributor, string ContentHash, int Kind, string Uri, string Bond);

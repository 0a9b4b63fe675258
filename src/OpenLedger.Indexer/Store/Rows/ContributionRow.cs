using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Indexer.Store.Rows;

/// <summary>
/// A registered contribution, from ContributionRegistered (BatchIndex 0) or one entry of ContributionsRegistered
/// (BatchIndex = position in the batch). Bond is the registered bond in OPEN wei, decimal text. Ids, hashes and the
/// contributor stay bytes: the store keeps them as bytes too, and a backfill is nearly all of these rows.
/// </summary>
public sealed record ContributionRow(
    long BlockNumber, int LogIndex, int BatchIndex, Hash32 TxHash,
    Hash32 Id, long ModelId, Address Contributor, Hash32 ContentHash, int Kind, string Uri, string Bond);

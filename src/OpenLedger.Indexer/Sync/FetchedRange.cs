using OpenLedger.Ethereum.Primitives;
using OpenLedger.Indexer.Chain;
using OpenLedger.Indexer.Store;

namespace OpenLedger.Indexer.Sync;

/// <summary>
/// A range whose logs were read and checked against the chain, not decoded yet. <see cref="FirstParentHash"/> is the
/// parent of its first block, for a range read ahead before the one below it was known.
/// </summary>
internal sealed record FetchedRange(RangeBatch Batch, IReadOnlyList<ChainLog> Logs, Hash32 FirstParentHash);

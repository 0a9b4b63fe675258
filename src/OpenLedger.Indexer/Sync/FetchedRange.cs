using OpenLedger.Indexer.Chain;
using OpenLedger.Indexer.Store;

namespace OpenLedger.Indexer.Sync;

/// <summary>A range whose logs were read and checked against the chain, not decoded yet.</summary>
internal sealed record FetchedRange(RangeBatch Batch, IReadOnlyList<ChainLog> Logs);

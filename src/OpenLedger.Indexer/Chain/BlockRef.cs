using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Indexer.Chain;

/// <summary>A block by number and hash: the cursor, and the entries of the block_hashes table.</summary>
public readonly record struct BlockRef(long Number, Hash32 Hash);

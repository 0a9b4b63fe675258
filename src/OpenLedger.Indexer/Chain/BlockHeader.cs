using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Indexer.Chain;

/// <summary>The part of a block header the indexer needs to follow the chain.</summary>
public readonly record struct BlockHeader(long Number, Hash32 Hash, Hash32 ParentHash)
{
    public BlockRef Ref => new(Number, Hash);
}

using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Indexer.Chain;

/// <summary>One log as eth_getLogs returns it.</summary>
public sealed record ChainLog(
    Address Address,
    IReadOnlyList<Hash32> Topics,
    byte[] Data,
    long BlockNumber,
    Hash32 BlockHash,
    Hash32 TransactionHash,
    int LogIndex);

using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Indexer.Chain;

/// <summary>
/// The reads the indexer makes. Failures are <see cref="ChainReadException"/>s classified for the sync loop;
/// messages name the endpoint and the call.
/// </summary>
public interface IChainReader
{
    /// <summary>The node's address, for messages.</summary>
    string Endpoint { get; }

    Task<ulong> GetChainIdAsync(CancellationToken cancellationToken);

    Task<long> GetBlockNumberAsync(CancellationToken cancellationToken);

    /// <summary>The header of block <paramref name="number"/>, or null when the node has no such block.</summary>
    Task<BlockHeader?> GetBlockHeaderAsync(long number, CancellationToken cancellationToken);

    /// <summary>Headers of blocks <paramref name="fromBlock"/> to <paramref name="toBlock"/> in one request; null entries for blocks the node lacks.</summary>
    Task<IReadOnlyList<BlockHeader?>> GetBlockHeadersAsync(long fromBlock, long toBlock, CancellationToken cancellationToken);

    /// <summary>Headers of the given blocks, in their order, in one request; null entries for blocks the node lacks.</summary>
    Task<IReadOnlyList<BlockHeader?>> GetBlockHeadersAsync(IReadOnlyList<long> numbers, CancellationToken cancellationToken);

    Task<IReadOnlyList<ChainLog>> GetLogsAsync(long fromBlock, long toBlock, IReadOnlyList<Address> addresses, CancellationToken cancellationToken);
}

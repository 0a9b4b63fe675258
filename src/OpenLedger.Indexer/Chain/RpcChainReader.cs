using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;

namespace OpenLedger.Indexer.Chain;

/// <summary>
/// <see cref="IChainReader"/> over the JSON-RPC client. The client retries transient failures itself; what still
/// fails is classified here for the sync loop: too-large ranges (by error code -32005 or the wording nodes and
/// providers use), transient transport failures (HTTP 5xx included, which a proxy in front of a node returns
/// when the node is briefly away), and everything else as permanent.
/// </summary>
public sealed class RpcChainReader : IChainReader
{
    private static readonly string[] RangeTooLargeWords =
    [
        "too many results", "more than", "response size", "response too large", "block range", "range too large",
        "limit exceeded", "query timeout", "too large",
    ];

    private readonly JsonRpcClient _client;

    public RpcChainReader(JsonRpcClient client) => _client = client;

    public string Endpoint => _client.Endpoint.ToString();

    public Task<ulong> GetChainIdAsync(CancellationToken cancellationToken) =>
        Wrap("reading the chain id", () => _client.GetChainIdAsync(cancellationToken));

    public async Task<long> GetBlockNumberAsync(CancellationToken cancellationToken) =>
        checked((long)await Wrap("reading the head block number", () => _client.GetBlockNumberAsync(cancellationToken)));

    public Task<BlockHeader?> GetBlockHeaderAsync(long number, CancellationToken cancellationToken) =>
        Wrap($"fetching block {number}", async () =>
        {
            var block = await _client.GetBlockByNumberAsync((ulong)number, false, cancellationToken);
            return block is null ? (BlockHeader?)null : new BlockHeader(checked((long)block.Number), block.Hash, block.ParentHash);
        });

    public Task<IReadOnlyList<BlockHeader?>> GetBlockHeadersAsync(long fromBlock, long toBlock, CancellationToken cancellationToken)
    {
        var numbers = new long[toBlock - fromBlock + 1];
        for (var i = 0; i < numbers.Length; i++) numbers[i] = fromBlock + i;
        return Headers($"fetching blocks {fromBlock}-{toBlock}", numbers, cancellationToken);
    }

    public Task<IReadOnlyList<BlockHeader?>> GetBlockHeadersAsync(IReadOnlyList<long> numbers, CancellationToken cancellationToken) =>
        Headers($"fetching blocks {string.Join(", ", numbers)}", numbers, cancellationToken);

    private Task<IReadOnlyList<BlockHeader?>> Headers(string what, IReadOnlyList<long> numbers, CancellationToken cancellationToken) =>
        Wrap(what, async () =>
        {
            var blocks = await _client.GetBlocksByNumberAsync([.. numbers.Select(n => (ulong)n)], cancellationToken);
            return (IReadOnlyList<BlockHeader?>)[.. blocks.Select(b => b is null ? (BlockHeader?)null : new BlockHeader(checked((long)b.Number), b.Hash, b.ParentHash))];
        });

    public Task<IReadOnlyList<ChainLog>> GetLogsAsync(long fromBlock, long toBlock, IReadOnlyList<Address> addresses, CancellationToken cancellationToken) =>
        Wrap($"fetching logs {fromBlock}-{toBlock}", async () =>
        {
            var logs = await _client.GetLogsAsync(new LogFilter
            {
                FromBlock = (ulong)fromBlock,
                ToBlock = (ulong)toBlock,
                Addresses = addresses,
            }, cancellationToken);
            var result = new ChainLog[logs.Count];
            for (var i = 0; i < logs.Count; i++)
            {
                var l = logs[i];
                if (l.Removed) throw new ChainReadException(ChainFailure.Transient, $"fetching logs {fromBlock}-{toBlock} from {Endpoint}: the node returned a removed log at block {l.BlockNumber}");
                result[i] = new ChainLog(l.Address, l.Topics, l.Data, checked((long)l.BlockNumber), l.BlockHash, l.TransactionHash, checked((int)l.LogIndex));
            }
            return (IReadOnlyList<ChainLog>)result;
        });

    /// <summary>Sorts an RPC failure into what the sync loop should do about it.</summary>
    public static ChainFailure Classify(RpcException e)
    {
        if (e.Code == -32005) return ChainFailure.RangeTooLarge;
        if (e.Code is not null && RangeTooLargeWords.Any(w => e.Detail.Contains(w, StringComparison.OrdinalIgnoreCase)))
            return ChainFailure.RangeTooLarge;
        if (e.IsTransient || e.HttpStatus is >= 500) return ChainFailure.Transient;
        return ChainFailure.Permanent;
    }

    private async Task<T> Wrap<T>(string what, Func<Task<T>> call)
    {
        try { return await call(); }
        catch (RpcException e) { throw new ChainReadException(Classify(e), $"{what} from {Endpoint}: {e.Message}", e); }
        catch (EthereumException e) { throw new ChainReadException(ChainFailure.Permanent, $"{what} from {Endpoint}: {e.Message}", e); }
    }
}

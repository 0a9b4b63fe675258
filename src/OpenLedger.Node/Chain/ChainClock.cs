using Microsoft.Extensions.Options;
using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Indexer;
using OpenLedger.Indexer.Chain;

namespace OpenLedger.Node.Chain;

/// <summary>
/// The chain time the API judges epochs by: the timestamp of the indexed cursor block, so an epoch's status agrees
/// with the rest of what the API serves. Fetched once per cursor block from the node.
/// </summary>
public sealed partial class ChainClock(IOptions<IndexerOptions> options, ILogger<ChainClock> logger)
{
    private readonly JsonRpcClient _rpc = new(new HttpClient(), new Uri(options.Value.RpcUrl),
        new JsonRpcClientOptions { RequestTimeout = TimeSpan.FromSeconds(2), MaxRetries = 0 });

    private (BlockRef Block, long Timestamp)? _last;

    /// <summary>Timestamp (Unix seconds) of <paramref name="cursor"/>, or null when the node cannot tell us now.</summary>
    public async Task<long?> TimestampOfAsync(BlockRef cursor, CancellationToken cancellationToken)
    {
        if (_last is { } last && last.Block == cursor) return last.Timestamp;
        try
        {
            var block = await _rpc.GetBlockByNumberAsync((ulong)cursor.Number, ct: cancellationToken);
            // A block of another hash means the cursor is being reorged away: its time says nothing reliable.
            if (block is null || block.Hash != cursor.Hash) return null;
            _last = (cursor, (long)block.Timestamp);
            return (long)block.Timestamp;
        }
        catch (EthereumException e)
        {
            LogUnavailable(cursor.Number, e.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chain time of block {Block} unavailable, epoch status left as posted: {Error}")]
    private partial void LogUnavailable(long block, string error);
}

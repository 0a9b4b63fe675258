using OpenLedger.Ethereum.Primitives;
using OpenLedger.Indexer.Chain;
using OpenLedger.Indexer.Decoding;
using OpenLedger.Indexer.Deployment;
using OpenLedger.Indexer.Store;

namespace OpenLedger.Indexer.Sync;

/// <summary>
/// Reads one block range and decodes it. The range is checked against the chain before and after the logs are
/// read: its first block must sit on the expected parent, and its last block must be the same before and after
/// eth_getLogs, so a reorg during the read cannot mix two forks into one committed range.
/// </summary>
internal sealed class RangeFetcher
{
    private readonly IChainReader _chain;
    private readonly LogDecoder _decoder;
    private readonly IReadOnlyList<Address> _addresses;
    private readonly RangeSizer _sizer;
    private readonly int _reorgWindow;

    public RangeFetcher(IChainReader chain, DeploymentFile deployment, RangeSizer sizer, int reorgWindow)
    {
        _chain = chain;
        _decoder = new LogDecoder(deployment);
        _addresses = deployment.Addresses;
        _sizer = sizer;
        _reorgWindow = reorgWindow;
    }

    /// <summary>Where a range starting at <paramref name="from"/> ends at the current range size.</summary>
    public long PlanEnd(long from, long target) => Math.Min(target, from + _sizer.Current - 1);

    /// <summary>
    /// The range <paramref name="from"/>-<paramref name="to"/> (shorter when the node refuses it as too large), or null
    /// when block <paramref name="from"/> does not sit on <paramref name="expectedParent"/> (or has vanished): a reorg.
    /// Without an expected parent the caller checks <see cref="FetchedRange.FirstParentHash"/> itself.
    /// </summary>
    public async Task<FetchedRange?> FetchAsync(long from, long to, long target, long head, Hash32? expectedParent, CancellationToken ct)
    {
        while (true)
        {
            // The range's two ends in one request when they differ.
            var ends = to == from ? [await _chain.GetBlockHeaderAsync(from, ct)] : await _chain.GetBlockHeadersAsync([from, to], ct);
            if (ends[0] is not { } firstHeader || (expectedParent is { } parent && firstHeader.ParentHash != parent)) return null;
            if (ends[^1] is not { } lastHeader) return null;
            IReadOnlyList<ChainLog> logs;
            try { logs = await _chain.GetLogsAsync(from, to, _addresses, ct); }
            catch (ChainReadException e) when (e.Failure == ChainFailure.RangeTooLarge)
            {
                if (to == from)
                    throw new ChainReadException(ChainFailure.Permanent, $"{e.Message} (a single block is refused as too large: cannot split further)", e);
                _sizer.TooLarge(to - from + 1);
                to = Math.Min(target, from + _sizer.Current - 1);
                continue;
            }
            var after = await _chain.GetBlockHeaderAsync(to, ct);
            if (after != lastHeader) continue; // the chain moved under us: read the range again
            var batch = new RangeBatch(from, lastHeader);
            batch.RememberBlock(firstHeader.Ref);
            batch.RememberBlock(lastHeader.Ref);
            var ordered = logs.OrderBy(l => l.BlockNumber).ThenBy(l => l.LogIndex).ToArray();
            if (!CheckLogs(batch, ordered, firstHeader, lastHeader)) continue;
            if (to > head - _reorgWindow && !await RememberRecentAsync(batch, Math.Max(from, head - _reorgWindow + 1), lastHeader, ct)) continue;
            _sizer.Succeeded(logs.Count);
            return new FetchedRange(batch, ordered, firstHeader.ParentHash);
        }
    }

    /// <summary>Decodes the range's logs into its batch; CPU work the sync loop runs beside the next fetch and the last write.</summary>
    public RangeBatch Decode(FetchedRange range)
    {
        foreach (var log in range.Logs) _decoder.Decode(log, range.Batch);
        return range.Batch;
    }

    private bool CheckLogs(RangeBatch batch, ChainLog[] ordered, BlockHeader first, BlockHeader last)
    {
        foreach (var log in ordered)
        {
            if (log.BlockNumber < first.Number || log.BlockNumber > last.Number)
                throw new ChainReadException(ChainFailure.Permanent,
                    $"fetching logs {first.Number}-{last.Number} from {_chain.Endpoint}: the node returned a log of block {log.BlockNumber}");
            // A log whose block hash disagrees with the header read around it belongs to another fork.
            if ((log.BlockNumber == first.Number && log.BlockHash != first.Hash) || (log.BlockNumber == last.Number && log.BlockHash != last.Hash))
                return false;
            if (batch.Blocks.TryGetValue(log.BlockNumber, out var known) && known.Hash != log.BlockHash) return false;
            batch.RememberBlock(new BlockRef(log.BlockNumber, log.BlockHash));
        }
        return true;
    }

    // Near the head every block's hash is kept, so the common ancestor of a reorg is always found in the window.
    private async Task<bool> RememberRecentAsync(RangeBatch batch, long from, BlockHeader last, CancellationToken ct)
    {
        if (from > last.Number) return true;
        var headers = await _chain.GetBlockHeadersAsync(from, last.Number, ct);
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i] is not { } h) return false;
            if (batch.Blocks.TryGetValue(h.Number, out var known) && known.Hash != h.Hash) return false;
            if (i > 0 && headers[i - 1] is { } previous && h.ParentHash != previous.Hash) return false;
        }
        if (headers[^1] is { } top && top.Hash != last.Hash) return false;
        foreach (var h in headers) batch.RememberBlock(h!.Value.Ref);
        return true;
    }
}

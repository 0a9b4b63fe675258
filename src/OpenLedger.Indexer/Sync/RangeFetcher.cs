using OpenLedger.Ethereum.Primitives;
using OpenLedger.Indexer.Chain;
using OpenLedger.Indexer.Decoding;
using OpenLedger.Indexer.Deployment;
using OpenLedger.Indexer.Store;

namespace OpenLedger.Indexer.Sync;

/// <summary>
/// Reads one block range and decodes it. The range is checked against the chain before and after the logs are
/// read: its first block must sit on the expected parent, and its last block must be the same before and after
/// eth_getLogs, so a reorg during the read cannot mix two forks into one committed range. Near the head (the reorg
/// window) every block's hash is kept: from the logs where a block has some, otherwise from headers read with that
/// check of the last block (on a chain as busy as the benchmark's that is only the last block, so the node serves
/// nothing after the logs that they did not already say).
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
            var ordered = logs.OrderBy(l => l.BlockNumber).ThenBy(l => l.LogIndex).ToArray();
            // Read after the logs: the last block (unchanged means the logs and the headers read before them come from
            // one fork: each hash commits to its parents) and, near the head, the blocks whose hashes no log gave.
            var checkFrom = to > head - _reorgWindow ? FirstWithoutLogs(ordered, Math.Max(from, head - _reorgWindow + 1), to) : to;
            var after = checkFrom == to ? [await _chain.GetBlockHeaderAsync(to, ct)] : await _chain.GetBlockHeadersAsync(checkFrom, to, ct);
            if (after[^1] != lastHeader) continue; // the chain moved under us: read the range again
            var batch = new RangeBatch(from, lastHeader);
            batch.RememberBlock(firstHeader.Ref);
            batch.RememberBlock(lastHeader.Ref);
            if (!CheckLogs(batch, ordered, firstHeader, lastHeader)) continue;
            if (!RememberLinked(batch, after)) continue;
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

    // The reorg window keeps every block's hash, so the common ancestor of a reorg is always found in it. The logs give
    // the hashes of the blocks they sit in; the others (from the lowest such block up) are read as linked headers.
    // Never past the range's last block: logs of blocks outside the range (a faulty node) are refused by CheckLogs.
    private static long FirstWithoutLogs(ChainLog[] ordered, long windowFrom, long to)
    {
        var expected = windowFrom;
        foreach (var log in ordered)
        {
            if (log.BlockNumber < expected) continue;
            if (log.BlockNumber > expected) break;
            expected++;
        }
        return Math.Min(expected, to);
    }

    // Headers of consecutive blocks ending at the range's last one: each must sit on the one below and agree with the
    // hashes the logs gave (the lowest also with its parent's, when a log gave that).
    private static bool RememberLinked(RangeBatch batch, IReadOnlyList<BlockHeader?> headers)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i] is not { } h) return false;
            if (batch.Blocks.TryGetValue(h.Number, out var known) && known.Hash != h.Hash) return false;
            Hash32? below = i > 0 ? headers[i - 1]!.Value.Hash : batch.Blocks.TryGetValue(h.Number - 1, out var parent) ? parent.Hash : null;
            if (below is { } b && h.ParentHash != b) return false;
        }
        foreach (var h in headers) batch.RememberBlock(h!.Value.Ref);
        return true;
    }
}

using System.Diagnostics;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Indexer.Chain;

/// <summary>
/// An <see cref="IChainReader"/> that records when each eth_getLogs starts and ends, so a backfill's timeline can be
/// told apart: when the first request went out, how long the node had no log request to serve in between, and how long the
/// backfill ran on after the last response (parsing is part of each call, as in the raw client-parsed rate).
/// </summary>
internal sealed class TimedChainReader(IChainReader inner) : IChainReader
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(double Start, double End)> _logCalls = [];

    public string Endpoint => inner.Endpoint;

    public double Now => _clock.Elapsed.TotalSeconds;

    public Task<ulong> GetChainIdAsync(CancellationToken ct) => inner.GetChainIdAsync(ct);

    public Task<long> GetBlockNumberAsync(CancellationToken ct) => inner.GetBlockNumberAsync(ct);

    public Task<BlockHeader?> GetBlockHeaderAsync(long number, CancellationToken ct) => inner.GetBlockHeaderAsync(number, ct);

    public Task<IReadOnlyList<BlockHeader?>> GetBlockHeadersAsync(long fromBlock, long toBlock, CancellationToken ct) =>
        inner.GetBlockHeadersAsync(fromBlock, toBlock, ct);

    public Task<IReadOnlyList<BlockHeader?>> GetBlockHeadersAsync(IReadOnlyList<long> numbers, CancellationToken ct) =>
        inner.GetBlockHeadersAsync(numbers, ct);

    public async Task<IReadOnlyList<ChainLog>> GetLogsAsync(long fromBlock, long toBlock, IReadOnlyList<Address> addresses, CancellationToken ct)
    {
        var start = Now;
        var logs = await inner.GetLogsAsync(fromBlock, toBlock, addresses, ct);
        var end = Now;
        lock (_logCalls) _logCalls.Add((start, end));
        return logs;
    }

    /// <summary>When the first eth_getLogs was sent, when the last one ended, and the seconds between them with none in flight.</summary>
    public (double FirstStart, double LastEnd, double IdleBetween) Summarize()
    {
        List<(double Start, double End)> calls;
        lock (_logCalls) calls = [.. _logCalls.OrderBy(c => c.Start)];
        if (calls.Count == 0) return (0, 0, 0);
        var idle = 0.0;
        var covered = calls[0].Start;
        foreach (var (start, end) in calls)
        {
            if (start > covered) idle += start - covered;
            covered = Math.Max(covered, end);
        }
        return (calls[0].Start, covered, idle);
    }
}

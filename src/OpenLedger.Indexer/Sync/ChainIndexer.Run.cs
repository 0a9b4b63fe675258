using Microsoft.Extensions.Logging;
using OpenLedger.Indexer.Chain;

namespace OpenLedger.Indexer.Sync;

public sealed partial class ChainIndexer
{
    /// <summary>Pause after the first transient failure of a step; doubles per further failure.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Transient failures in a row after which health reports unhealthy (retrying goes on).</summary>
    public int UnhealthyAfterFailures { get; init; } = 10;

    /// <summary>
    /// Runs steps until cancelled (or, with <paramref name="stopAtHead"/>, until the store is at the confirmed head).
    /// Transient failures are retried with backoff; a permanent one is logged, marks health unhealthy and is thrown.
    /// </summary>
    public async Task RunAsync(bool stopAtHead, CancellationToken ct)
    {
        var failures = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            SyncOutcome outcome;
            try
            {
                outcome = await StepAsync(ct);
                failures = 0;
            }
            catch (ChainReadException e) when (e.Failure != ChainFailure.Permanent && !ct.IsCancellationRequested)
            {
                failures++;
                var delay = Backoff(failures);
                LogRetrying(failures, delay.TotalSeconds, e.Message);
                if (failures >= UnhealthyAfterFailures) Health.Unhealthy($"{failures} failures in a row, last: {e.Message}");
                else Health.Degraded(e.Message);
                await Task.Delay(delay, ct);
                continue;
            }
            catch (Exception e) when (e is IndexerException or System.Data.Common.DbException && !ct.IsCancellationRequested)
            {
                LogStopped(e, e.Message);
                Health.Unhealthy(e.Message);
                throw;
            }
            if (outcome is SyncOutcome.NothingNew or SyncOutcome.LocalAhead)
            {
                if (stopAtHead) return;
                await Task.Delay(_options.PollingInterval, ct);
            }
        }
    }

    private TimeSpan Backoff(int failures)
    {
        var ms = RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 16));
        return TimeSpan.FromMilliseconds(Math.Min(ms, MaxRetryDelay.TotalMilliseconds));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Indexer step failed ({Failures} in a row), retrying in {Seconds} s: {Error}")]
    private partial void LogRetrying(int failures, double seconds, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Indexer stopped: {Error}")]
    private partial void LogStopped(Exception exception, string error);
}

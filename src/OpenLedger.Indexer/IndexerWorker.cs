using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenLedger.Indexer.Chain;
using OpenLedger.Indexer.Leadership;
using OpenLedger.Indexer.Store;
using OpenLedger.Indexer.Store.Sql;
using OpenLedger.Indexer.Sync;

namespace OpenLedger.Indexer;

/// <summary>
/// Runs the sync loop in the node host, as the leader: a standby waits here for the store's leader lease, and a
/// leader whose lease is lost stops indexing (its writes would be refused anyway). A permanent failure stops indexing
/// but not the host: the API keeps serving what is indexed and /health reports the failure through <see cref="IndexerHealth"/>.
/// </summary>
internal sealed partial class IndexerWorker(IServiceProvider services, IndexerHealth health, WriterStanding standing, ILogger<IndexerWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ChainIndexer indexer;
        try
        {
            // Resolved here so that a bad deployment file is reported as unhealthy instead of failing the host.
            indexer = services.GetRequiredService<ChainIndexer>();
            var store = services.GetRequiredService<SqlIndexStore>();
            await LeaderStart.TakeAsync(services.GetRequiredService<ILeaderLease>(), store,
                services.GetRequiredService<IOptions<IndexerOptions>>().Value, holder =>
                {
                    health.Standby($"standby: waiting for the leader lease of {IndexStores.Describe(store)}, held by {holder}");
                    standing.Waiting(holder);
                    LogStandby(holder);
                }, stoppingToken);
            standing.Leading();
            LogLeader(IndexStores.Describe(store));
            await InitializeAsync(indexer, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
        catch (IndexerException e)
        {
            LogFailed(e, e.Message);
            health.Unhealthy(e.Message);
            return;
        }
        try
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, services.GetRequiredService<ILeaderLease>().Lost);
            await indexer.RunAsync(stopAtHead: false, both.Token);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        catch (OperationCanceledException)
        {
            // The lease's connection broke: another indexer may be the leader by now.
            standing.Lost();
            health.Unhealthy("the leader lease was lost (its database connection broke); indexing stopped");
            LogFailed(null, "the leader lease was lost");
        }
        catch (Exception e) when (e is IndexerException or System.Data.Common.DbException)
        {
            // RunAsync has logged the failure and marked health unhealthy: logging it here again would report one
            // failure twice. Swallowed so that the host (and the API over what is indexed) keeps running.
        }
    }

    private async Task InitializeAsync(ChainIndexer indexer, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try { await indexer.InitializeAsync(ct); return; }
            catch (ChainReadException e) when (e.Failure == ChainFailure.Transient)
            {
                health.Degraded(e.Message);
                LogRetry(attempt, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, attempt))), ct);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Indexer failed: {Error}")]
    private partial void LogFailed(Exception? exception, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Standby: waiting for the leader lease, held by {Holder}")]
    private partial void LogStandby(string holder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Leader of {Store}: indexing from the cursor")]
    private partial void LogLeader(string store);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Indexer start-up check failed (attempt {Attempt}), retrying: {Error}")]
    private partial void LogRetry(int attempt, string error);
}

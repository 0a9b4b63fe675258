using Microsoft.Extensions.Options;
using OpenLedger.Indexer;
using OpenLedger.Indexer.Chain;
using OpenLedger.Indexer.Sync;

namespace OpenLedger.Node.Health;

/// <summary>
/// In an API replica, which runs no indexer: reads the node's head every polling interval so /health and /status
/// report how far the shared store's cursor is behind it (the lag a client of this replica sees).
/// </summary>
public sealed partial class ReplicaHead(IChainReader chain, IndexerHealth health, IOptions<IndexerOptions> options, ILogger<ReplicaHead> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var head = await chain.GetBlockNumberAsync(stoppingToken);
                health.Standby("api replica: serving the shared store", head);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (ChainReadException e)
            {
                health.Degraded($"api replica: reading the head failed: {e.Message}");
                LogFailed(e.Message);
            }
            await Task.Delay(options.Value.PollingInterval, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the head failed: {Error}")]
    private partial void LogFailed(string error);
}

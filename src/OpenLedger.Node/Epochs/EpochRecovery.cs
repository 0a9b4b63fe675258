namespace OpenLedger.Node.Epochs;

/// <summary>At start, records as posted the epochs that reached the chain before the node stopped (see <see cref="EpochSubmitter.RecoverAsync"/>).</summary>
public sealed class EpochRecovery(EpochSubmitter submitter, ILogger<EpochRecovery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await submitter.RecoverAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not fatal: a submission left "sending" is reconciled again when its report is submitted.
            logger.LogError(e, "Reconciling unfinished epoch submissions with the chain failed");
        }
    }
}

namespace OpenLedger.Node.Epochs;

/// <summary>
/// At start (a standby: once it leads), records as posted the epochs that reached the chain before the previous writer
/// stopped (see <see cref="EpochSubmitter.RecoverAsync"/>).
/// </summary>
public sealed class EpochRecovery(EpochSubmitter submitter, ILogger<EpochRecovery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // A standby reconciles when it takes over: until then the leader owns the unfinished postings.
            while (submitter.Refusal is not null) await Task.Delay(TimeSpan.FromMilliseconds(250), stoppingToken);
            await submitter.RecoverAsync(stoppingToken);
        }
        // Stopped while reconciling: no failure. The host counts a cancelled task as a crashed service when it stops
        // during its own start (the port taken, another chain), and would log it as critical beside the real reason.
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not fatal: a submission left "sending" is reconciled again when its report is submitted.
            logger.LogError(e, "Reconciling unfinished epoch submissions with the chain failed");
        }
    }
}

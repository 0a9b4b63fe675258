namespace OpenLedger.Indexer.Leadership;

/// <summary>
/// The right to be the one indexer that writes a store. Held until the process ends or disposes it; a process that dies
/// (SIGKILL included) releases it with its connection or file handle, so a standby can take over at once.
/// </summary>
public interface ILeaderLease : IAsyncDisposable
{
    /// <summary>Takes the lease when it is free: true when this process holds it now (also when it already did).</summary>
    Task<bool> TryAcquireAsync(CancellationToken cancellationToken);

    /// <summary>Who holds the lease, for messages ("nobody" when it is free).</summary>
    Task<string> DescribeHolderAsync(CancellationToken cancellationToken);

    /// <summary>Cancelled when a lease this process held is lost (its database connection broke).</summary>
    CancellationToken Lost { get; }

    /// <summary>How this process names itself as the holder: host and process id.</summary>
    static string Self => $"{Environment.MachineName} pid {Environment.ProcessId}";
}

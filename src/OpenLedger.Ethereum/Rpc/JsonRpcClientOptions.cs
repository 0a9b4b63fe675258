namespace OpenLedger.Ethereum.Rpc;

/// <summary>Timeouts and retry policy of a <see cref="JsonRpcClient"/>.</summary>
public sealed record JsonRpcClientOptions
{
    /// <summary>How long one attempt may take, from sending the request to reading the whole body.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt, for transient failures only; 0 disables retrying.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>The first retry delay; it doubles per retry, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(10);
}

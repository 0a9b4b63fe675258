namespace OpenLedger.Ethereum.Sending;

public sealed record TransactionManagerOptions
{
    /// <summary>Added to eth_estimateGas, in percent: the estimate is exact for the state it ran on, which can move.</summary>
    public int GasMarginPercent { get; init; } = 20;

    /// <summary>How often eth_getTransactionReceipt is asked while waiting for a transaction to be mined.</summary>
    public TimeSpan ReceiptPollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long to wait for a receipt before giving up (the transaction may still be mined later).</summary>
    public TimeSpan ReceiptTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The tip used when the node does not answer eth_maxPriorityFeePerGas: 1 gwei.</summary>
    public System.Numerics.BigInteger FallbackPriorityFeePerGas { get; init; } = 1_000_000_000;
}

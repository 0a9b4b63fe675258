using System.Numerics;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Sending;

/// <summary>
/// What to send. Unset fields are filled by the <see cref="TransactionManager"/>: the nonce from its tracker, the
/// gas limit from eth_estimateGas plus a margin, the fees from the latest base fee and tip.
/// </summary>
public sealed record TransactionRequest
{
    /// <summary>The recipient; null deploys <see cref="Data"/> as creation code.</summary>
    public Address? To { get; init; }

    public byte[] Data { get; init; } = [];

    public BigInteger Value { get; init; }

    public ulong? GasLimit { get; init; }

    public BigInteger? MaxFeePerGas { get; init; }

    public BigInteger? MaxPriorityFeePerGas { get; init; }

    /// <summary>An explicit nonce bypasses the tracker (replacing a stuck transaction, for instance).</summary>
    public ulong? Nonce { get; init; }
}

using System.Numerics;

namespace OpenLedger.Ethereum.Sending;

/// <summary>The two fee fields of an EIP-1559 transaction.</summary>
public readonly record struct Eip1559Fees(BigInteger MaxFeePerGas, BigInteger MaxPriorityFeePerGas)
{
    /// <summary>
    /// maxFee = 2 × baseFee + tip: the base fee can rise 12.5% per full block, so doubling it keeps the transaction
    /// includable through about six full blocks in a row, while only baseFee + tip is ever charged.
    /// </summary>
    public static Eip1559Fees FromBaseFee(BigInteger nextBaseFee, BigInteger tip) => new(2 * nextBaseFee + tip, tip);
}

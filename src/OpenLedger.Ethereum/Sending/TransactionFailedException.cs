using OpenLedger.Ethereum.Rpc;

namespace OpenLedger.Ethereum.Sending;

/// <summary>
/// A transaction was mined but failed (receipt status 0). It is the inner exception of the
/// <see cref="Abi.ContractRevertException"/> that reports the revert, so the receipt (gas used, block) stays reachable.
/// </summary>
public sealed class TransactionFailedException : EthereumException
{
    public TransactionFailedException(TransactionReceipt receipt)
        : base($"Transaction {receipt.TransactionHash} failed in block {receipt.BlockNumber} after using {receipt.GasUsed} gas")
    {
        Receipt = receipt;
    }

    public TransactionReceipt Receipt { get; }
}

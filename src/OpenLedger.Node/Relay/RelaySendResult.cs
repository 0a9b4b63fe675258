using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Rpc;

namespace OpenLedger.Node.Relay;

/// <summary>
/// What <see cref="RelaySubmitter"/> did: the receipt of a mined transaction, or why nothing was sent (a refusal, and
/// the decoded revert when the pre-flight showed the transaction would revert).
/// </summary>
public sealed record RelaySendResult(TransactionReceipt? Receipt, RelayRefusal? Refusal, ContractRevertException? Revert = null)
{
    public static RelaySendResult Sent(TransactionReceipt receipt) => new(receipt, null);

    public static RelaySendResult Refused(RelayRefusal refusal, ContractRevertException? revert = null) => new(null, refusal, revert);
}

using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;

namespace OpenLedger.Contracts.Binding;

/// <summary>Typed events out of RPC logs and receipts.</summary>
public static class ReceiptEvents
{
    /// <summary>Decodes a log of <typeparamref name="T"/>; a log of another event is rejected by its topic0.</summary>
    public static T Decode<T>(this RpcLog log) where T : IContractEvent<T> => ContractEvent.Decode<T>(log.Topics, log.Data);

    /// <summary>
    /// Every <typeparamref name="T"/> the receipt's logs hold, in log order; with <paramref name="emitter"/> only those
    /// that contract emitted (another contract can emit an event with the same signature, e.g. any ERC-20's Transfer).
    /// </summary>
    public static IReadOnlyList<T> Events<T>(this TransactionReceipt receipt, Address? emitter = null) where T : IContractEvent<T> =>
        [.. receipt.Logs
            .Where(l => (emitter is null || l.Address == emitter) && ContractEvent.Matches<T>(l.Topics))
            .Select(l => ContractEvent.Decode<T>(l.Topics, l.Data))];
}

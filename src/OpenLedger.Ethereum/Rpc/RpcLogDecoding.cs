using OpenLedger.Ethereum.Abi;

namespace OpenLedger.Ethereum.Rpc;

/// <summary>Decoding fetched logs with ABI descriptors; failures say which log (block, index, transaction) it was.</summary>
public static class RpcLogDecoding
{
    /// <summary>Decodes <paramref name="log"/> as <paramref name="abiEvent"/>; the topic0 must match.</summary>
    public static DecodedEvent Decode(this AbiEvent abiEvent, RpcLog log)
    {
        try { return abiEvent.DecodeLog(log.Topics, log.Data); }
        catch (EthereumException e) { throw new EthereumException($"{Where(log)}: {e.Message}", e); }
    }

    /// <summary>Decodes <paramref name="log"/> with the ABI's event for its topic0, or returns null when the ABI has none.</summary>
    public static DecodedEvent? TryDecode(this ContractAbi abi, RpcLog log) =>
        log.Topics.Count > 0 && abi.FindEvent(log.Topics[0]) is { } abiEvent ? abiEvent.Decode(log) : null;

    private static string Where(RpcLog log) =>
        $"log {log.LogIndex} of block {log.BlockNumber} (transaction {log.TransactionHash}, contract {log.Address})";
}

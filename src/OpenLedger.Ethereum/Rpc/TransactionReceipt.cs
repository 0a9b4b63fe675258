using System.Numerics;
using System.Text.Json;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Rpc;

/// <summary>A mined transaction's receipt. <see cref="Succeeded"/> is the status field (false when it reverted).</summary>
public sealed record TransactionReceipt(
    Hash32 TransactionHash,
    ulong BlockNumber,
    Hash32 BlockHash,
    uint TransactionIndex,
    bool Succeeded,
    Address From,
    Address? To,
    Address? ContractAddress,
    BigInteger GasUsed,
    BigInteger CumulativeGasUsed,
    BigInteger EffectiveGasPrice,
    IReadOnlyList<RpcLog> Logs)
{
    internal static TransactionReceipt Read(JsonElement e)
    {
        var status = RpcJson.UInt64(RpcJson.Field(e, "status"), "receipt status");
        if (status > 1) throw new EthereumException($"receipt status must be 0x0 or 0x1 but is {HexQuantity.Encode(status)}");
        return new TransactionReceipt(
            RpcJson.Hash(RpcJson.Field(e, "transactionHash"), "transactionHash"),
            RpcJson.UInt64(RpcJson.Field(e, "blockNumber"), "blockNumber"),
            RpcJson.Hash(RpcJson.Field(e, "blockHash"), "blockHash"),
            RpcJson.UInt32(RpcJson.Field(e, "transactionIndex"), "transactionIndex"),
            status == 1,
            RpcJson.Address(RpcJson.Field(e, "from"), "from"),
            RpcJson.Has(e, "to") ? RpcJson.Address(e.GetProperty("to"), "to") : null,
            RpcJson.Has(e, "contractAddress") ? RpcJson.Address(e.GetProperty("contractAddress"), "contractAddress") : null,
            RpcJson.Quantity(RpcJson.Field(e, "gasUsed"), "gasUsed"),
            RpcJson.Quantity(RpcJson.Field(e, "cumulativeGasUsed"), "cumulativeGasUsed"),
            RpcJson.Quantity(RpcJson.Field(e, "effectiveGasPrice"), "effectiveGasPrice"),
            RpcLog.ReadArray(RpcJson.Field(e, "logs")));
    }
}

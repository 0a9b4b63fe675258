using System.Numerics;
using System.Text.Json;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Rpc;

/// <summary>The block header fields an indexer needs, and the block's transaction hashes.</summary>
public sealed record RpcBlock(
    ulong Number,
    Hash32 Hash,
    Hash32 ParentHash,
    ulong Timestamp,
    BigInteger? BaseFeePerGas,
    BigInteger GasLimit,
    BigInteger GasUsed,
    IReadOnlyList<Hash32> TransactionHashes)
{
    internal static RpcBlock Read(JsonElement e)
    {
        var txs = RpcJson.Field(e, "transactions");
        if (txs.ValueKind != JsonValueKind.Array) throw new EthereumException($"block field 'transactions' must be an array but is {txs.ValueKind}");
        var hashes = new Hash32[txs.GetArrayLength()];
        var i = 0;
        // Without full transactions the array holds hashes; with them, objects whose 'hash' we keep.
        foreach (var tx in txs.EnumerateArray())
            hashes[i++] = tx.ValueKind == JsonValueKind.Object
                ? RpcJson.Hash(RpcJson.Field(tx, "hash"), $"transactions[{i}].hash")
                : RpcJson.Hash(tx, $"transactions[{i}]");
        return new RpcBlock(
            RpcJson.UInt64(RpcJson.Field(e, "number"), "block number"),
            RpcJson.Hash(RpcJson.Field(e, "hash"), "block hash"),
            RpcJson.Hash(RpcJson.Field(e, "parentHash"), "parentHash"),
            RpcJson.UInt64(RpcJson.Field(e, "timestamp"), "timestamp"),
            RpcJson.Has(e, "baseFeePerGas") ? RpcJson.Quantity(e.GetProperty("baseFeePerGas"), "baseFeePerGas") : null,
            RpcJson.Quantity(RpcJson.Field(e, "gasLimit"), "gasLimit"),
            RpcJson.Quantity(RpcJson.Field(e, "gasUsed"), "gasUsed"),
            hashes);
    }
}

using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Rpc;

/// <summary>Typed <c>eth_*</c> methods: chain, blocks and logs here; calls, gas and transactions in EthRpc.Transactions.cs.</summary>
public static partial class EthRpc
{
    public static Task<ulong> GetChainIdAsync(this JsonRpcClient client, CancellationToken ct = default) =>
        client.SendAsync("eth_chainId", null, e => RpcJson.UInt64(e, "chain id"), ct);

    public static Task<ulong> GetBlockNumberAsync(this JsonRpcClient client, CancellationToken ct = default) =>
        client.SendAsync("eth_blockNumber", null, e => RpcJson.UInt64(e, "block number"), ct);

    /// <summary>The block at <paramref name="block"/>, or null when the node does not have it (yet).</summary>
    public static Task<RpcBlock?> GetBlockByNumberAsync(this JsonRpcClient client, BlockTag block, bool fullTransactions = false, CancellationToken ct = default) =>
        client.SendAsync("eth_getBlockByNumber", [block.ToString(), fullTransactions], ReadBlock, ct);

    /// <summary>The block with <paramref name="hash"/>, or null when the node does not know it (e.g. reorged away).</summary>
    public static Task<RpcBlock?> GetBlockByHashAsync(this JsonRpcClient client, Hash32 hash, bool fullTransactions = false, CancellationToken ct = default) =>
        client.SendAsync("eth_getBlockByHash", [hash.ToString(), fullTransactions], ReadBlock, ct);

    /// <summary>Several blocks by number in one batch request; a missing block is null.</summary>
    public static Task<IReadOnlyList<RpcBlock?>> GetBlocksByNumberAsync(this JsonRpcClient client, IReadOnlyList<ulong> numbers, CancellationToken ct = default) =>
        client.SendBatchAsync("eth_getBlockByNumber", [.. numbers.Select(n => (JsonArray?)[HexQuantity.Encode(n), false])], ReadBlock, ct);

    public static Task<IReadOnlyList<RpcLog>> GetLogsAsync(this JsonRpcClient client, LogFilter filter, CancellationToken ct = default) =>
        client.SendAsync<IReadOnlyList<RpcLog>>("eth_getLogs", [filter.ToJson()], RpcLog.ReadArray, ct);

    private static RpcBlock? ReadBlock(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : RpcBlock.Read(e);

}

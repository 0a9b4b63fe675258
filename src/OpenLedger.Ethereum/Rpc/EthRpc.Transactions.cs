using System.Numerics;
using System.Text.Json;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Rpc;

// Calls, gas and fees, nonces, sending and receipts.
public static partial class EthRpc
{
    /// <summary>
    /// eth_call at <paramref name="block"/> (latest by default). A revert throws <see cref="ContractRevertException"/>
    /// decoded with <paramref name="errors"/> (built-in errors only when null), the node's error as its inner exception.
    /// </summary>
    public static async Task<byte[]> CallAsync(this JsonRpcClient client, CallRequest call, BlockTag? block = null,
        RevertDecoder? errors = null, CancellationToken ct = default)
    {
        try
        {
            return await client.SendAsync("eth_call", [call.ToJson(), (block ?? BlockTag.Latest).ToString()],
                e => RpcJson.Data(e, "call result"), ct).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.IsRevert)
        {
            throw WithInner(e.ToRevert(errors)!, e);
        }
    }

    /// <summary>eth_estimateGas; a reverting transaction throws <see cref="ContractRevertException"/> like <see cref="CallAsync"/>.</summary>
    public static async Task<BigInteger> EstimateGasAsync(this JsonRpcClient client, CallRequest call, RevertDecoder? errors = null, CancellationToken ct = default)
    {
        try
        {
            return await client.SendAsync("eth_estimateGas", [call.ToJson()], e => RpcJson.Quantity(e, "gas estimate"), ct).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.IsRevert)
        {
            throw WithInner(e.ToRevert(errors)!, e);
        }
    }

    public static Task<BigInteger> GetGasPriceAsync(this JsonRpcClient client, CancellationToken ct = default) =>
        client.SendAsync("eth_gasPrice", null, e => RpcJson.Quantity(e, "gas price"), ct);

    public static Task<BigInteger> GetMaxPriorityFeePerGasAsync(this JsonRpcClient client, CancellationToken ct = default) =>
        client.SendAsync("eth_maxPriorityFeePerGas", null, e => RpcJson.Quantity(e, "max priority fee"), ct);

    /// <summary>eth_feeHistory over <paramref name="blockCount"/> blocks ending at <paramref name="newestBlock"/>.</summary>
    public static Task<FeeHistory> GetFeeHistoryAsync(this JsonRpcClient client, int blockCount, BlockTag newestBlock,
        IReadOnlyList<double>? rewardPercentiles = null, CancellationToken ct = default) =>
        client.SendAsync("eth_feeHistory",
            [HexQuantity.Encode((ulong)blockCount), newestBlock.ToString(), new System.Text.Json.Nodes.JsonArray([.. (rewardPercentiles ?? []).Select(p => System.Text.Json.Nodes.JsonValue.Create(p))])],
            FeeHistory.Read, ct);

    /// <summary>The account's nonce: mined transactions at <paramref name="block"/> (use Pending to count queued ones too).</summary>
    public static Task<ulong> GetTransactionCountAsync(this JsonRpcClient client, Address account, BlockTag? block = null, CancellationToken ct = default) =>
        client.SendAsync("eth_getTransactionCount", [Hex.Encode(account.AsSpan()), (block ?? BlockTag.Latest).ToString()],
            e => RpcJson.UInt64(e, "transaction count"), ct);

    public static Task<BigInteger> GetBalanceAsync(this JsonRpcClient client, Address account, BlockTag? block = null, CancellationToken ct = default) =>
        client.SendAsync("eth_getBalance", [Hex.Encode(account.AsSpan()), (block ?? BlockTag.Latest).ToString()],
            e => RpcJson.Quantity(e, "balance"), ct);

    /// <summary>Broadcasts a signed transaction and returns its hash.</summary>
    public static Task<Hash32> SendRawTransactionAsync(this JsonRpcClient client, ReadOnlyMemory<byte> signedTransaction, CancellationToken ct = default) =>
        client.SendAsync("eth_sendRawTransaction", [Hex.Encode(signedTransaction.Span)], e => RpcJson.Hash(e, "transaction hash"), ct);

    /// <summary>The receipt, or null while the transaction is not mined.</summary>
    public static Task<TransactionReceipt?> GetTransactionReceiptAsync(this JsonRpcClient client, Hash32 transactionHash, CancellationToken ct = default) =>
        client.SendAsync("eth_getTransactionReceipt", [transactionHash.ToString()],
            e => e.ValueKind == JsonValueKind.Null ? null : TransactionReceipt.Read(e), ct);

    private static ContractRevertException WithInner(ContractRevertException revert, RpcException cause) =>
        new(revert.Message, revert.RawData, revert.Error, revert.Arguments, cause);
}

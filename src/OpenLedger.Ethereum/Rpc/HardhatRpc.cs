using System.Text.Json;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Rpc;

/// <summary>
/// Test helpers of Hardhat (and Anvil) nodes: snapshots, mining control, time travel, and transactions sent from
/// the node's unlocked accounts. Not available on real networks.
/// </summary>
public static class HardhatRpc
{
    /// <summary>Saves the chain state; pass the id to <see cref="RevertAsync"/> to return to it.</summary>
    public static Task<string> SnapshotAsync(this JsonRpcClient client, CancellationToken ct = default) =>
        client.SendAsync("evm_snapshot", null, e => RpcJson.String(e, "snapshot id"), ct);

    /// <summary>Returns to a snapshot; false when the id is unknown (each snapshot can be reverted to once).</summary>
    public static Task<bool> RevertAsync(this JsonRpcClient client, string snapshotId, CancellationToken ct = default) =>
        client.SendAsync("evm_revert", [snapshotId], ReadBool, ct);

    /// <summary>Mines one block, at <paramref name="timestamp"/> when given.</summary>
    public static Task MineAsync(this JsonRpcClient client, ulong? timestamp = null, CancellationToken ct = default) =>
        client.SendAsync("evm_mine", timestamp is { } t ? [t] : null, _ => true, ct);

    public static Task SetAutomineAsync(this JsonRpcClient client, bool enabled, CancellationToken ct = default) =>
        client.SendAsync("evm_setAutomine", [enabled], _ => true, ct);

    /// <summary>Moves the clock of the next blocks forward by <paramref name="seconds"/>.</summary>
    public static Task IncreaseTimeAsync(this JsonRpcClient client, ulong seconds, CancellationToken ct = default) =>
        client.SendAsync("evm_increaseTime", [seconds], _ => true, ct);

    /// <summary>The node's unlocked accounts (the 20 funded accounts of the default mnemonic on Hardhat).</summary>
    public static Task<IReadOnlyList<Address>> GetAccountsAsync(this JsonRpcClient client, CancellationToken ct = default) =>
        client.SendAsync<IReadOnlyList<Address>>("eth_accounts", null,
            e => [.. e.EnumerateArray().Select((a, i) => RpcJson.Address(a, $"account {i}"))], ct);

    /// <summary>eth_sendTransaction from an unlocked account: the node signs. Returns the transaction hash.</summary>
    public static Task<Hash32> SendTransactionAsync(this JsonRpcClient client, CallRequest transaction, CancellationToken ct = default) =>
        client.SendAsync("eth_sendTransaction", [transaction.ToJson()], e => RpcJson.Hash(e, "transaction hash"), ct);

    private static bool ReadBool(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new EthereumException($"expected true or false but found {e.GetRawText()}"),
    };
}

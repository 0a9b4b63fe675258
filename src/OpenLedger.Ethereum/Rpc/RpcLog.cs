using System.Text.Json;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Rpc;

/// <summary>A log as eth_getLogs and receipts return it. <see cref="Removed"/> is true when a reorg dropped it.</summary>
public sealed record RpcLog(
    Address Address,
    IReadOnlyList<Hash32> Topics,
    byte[] Data,
    ulong BlockNumber,
    Hash32 BlockHash,
    Hash32 TransactionHash,
    uint TransactionIndex,
    uint LogIndex,
    bool Removed)
{
    internal static RpcLog Read(JsonElement e) => RpcLogFastReader.TryRead(e, out var log) ? log : ReadStrict(e);

    // Every check with its message; the fast reader hands over whatever it does not accept outright.
    internal static RpcLog ReadStrict(JsonElement e)
    {
        var topicsElement = RpcJson.Field(e, "topics");
        if (topicsElement.ValueKind != JsonValueKind.Array)
            throw new EthereumException($"log field 'topics' must be an array but is {topicsElement.ValueKind}");
        var count = topicsElement.GetArrayLength();
        if (count > 4) throw new EthereumException($"a log has at most 4 topics but this one has {count}");
        var topics = new Hash32[count];
        var i = 0;
        foreach (var t in topicsElement.EnumerateArray()) { topics[i] = RpcJson.Hash(t, $"topics[{i}]"); i++; }
        var removed = false;
        if (RpcJson.Has(e, "removed"))
        {
            var r = e.GetProperty("removed");
            removed = r.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new EthereumException($"log field 'removed' must be true or false but is {r.GetRawText()}"),
            };
        }
        return new RpcLog(
            RpcJson.Address(RpcJson.Field(e, "address"), "log address"),
            topics,
            RpcJson.Data(RpcJson.Field(e, "data"), "log data"),
            RpcJson.UInt64(RpcJson.Field(e, "blockNumber"), "log blockNumber"),
            RpcJson.Hash(RpcJson.Field(e, "blockHash"), "log blockHash"),
            RpcJson.Hash(RpcJson.Field(e, "transactionHash"), "log transactionHash"),
            RpcJson.UInt32(RpcJson.Field(e, "transactionIndex"), "log transactionIndex"),
            RpcJson.UInt32(RpcJson.Field(e, "logIndex"), "log logIndex"),
            removed);
    }

    internal static RpcLog[] ReadArray(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Array) throw new EthereumException($"logs must be an array but are {e.ValueKind}");
        var logs = new RpcLog[e.GetArrayLength()];
        var i = 0;
        foreach (var item in e.EnumerateArray())
        {
            try { logs[i] = Read(item); }
            catch (EthereumException ex) { throw new EthereumException($"log {i}: {ex.Message}", ex); }
            i++;
        }
        return logs;
    }
}

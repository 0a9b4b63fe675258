using System.Numerics;
using System.Text.Json;

namespace OpenLedger.Ethereum.Rpc;

/// <summary>eth_feeHistory: base fees (one more than blocks: the next block's), gas used ratios and reward percentiles.</summary>
public sealed record FeeHistory(
    ulong OldestBlock,
    IReadOnlyList<BigInteger> BaseFeePerGas,
    IReadOnlyList<double> GasUsedRatio,
    IReadOnlyList<IReadOnlyList<BigInteger>> Reward)
{
    internal static FeeHistory Read(JsonElement e)
    {
        var baseFees = Array(e, "baseFeePerGas").Select((x, i) => RpcJson.Quantity(x, $"baseFeePerGas[{i}]")).ToArray();
        var ratios = Array(e, "gasUsedRatio").Select((x, i) => x.ValueKind == JsonValueKind.Number
            ? x.GetDouble() : throw new EthereumException($"gasUsedRatio[{i}] must be a number but is {x.GetRawText()}")).ToArray();
        IReadOnlyList<BigInteger>[] rewards = RpcJson.Has(e, "reward")
            ? [.. Array(e, "reward").Select((row, i) => (IReadOnlyList<BigInteger>)[.. RowOf(row, i)])]
            : [];
        return new FeeHistory(RpcJson.UInt64(RpcJson.Field(e, "oldestBlock"), "oldestBlock"), baseFees, ratios, rewards);
    }

    private static IEnumerable<BigInteger> RowOf(JsonElement row, int i) => row.ValueKind == JsonValueKind.Array
        ? row.EnumerateArray().Select((x, k) => RpcJson.Quantity(x, $"reward[{i}][{k}]")).ToArray()
        : throw new EthereumException($"reward[{i}] must be an array but is {row.ValueKind}");

    private static IEnumerable<JsonElement> Array(JsonElement e, string name)
    {
        var value = RpcJson.Field(e, name);
        return value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw new EthereumException($"field '{name}' must be an array but is {value.ValueKind}");
    }
}

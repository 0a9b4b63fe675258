using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Tests.Abi;

/// <summary>The JSON form both sides of a differential test agree on: decimal integers, lower-case hex bytes and addresses.</summary>
internal static class AbiJson
{
    public static JsonNode? Of(AbiType type, object? value) => value switch
    {
        Hash32 h => h.ToString(),
        BigInteger n => n.ToString(),
        Address a => Hex.Encode(a.AsSpan()),
        bool b => b,
        byte[] bytes => Hex.Encode(bytes),
        string s => s,
        object?[] items => new JsonArray([.. items.Select((item, i) => Of(AbiEncoder.ComponentType(type, i), item))]),
        _ => throw new InvalidOperationException($"unexpected {value?.GetType().Name} for {type}"),
    };

    public static JsonArray Of(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values) =>
        new([.. types.Select((t, i) => Of(t, values[i]))]);
}

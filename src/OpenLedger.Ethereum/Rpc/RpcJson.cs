using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Rpc;

/// <summary>Strict readers for the fields of RPC results; each failure names the field and what was found.</summary>
internal static class RpcJson
{
    public static JsonElement Field(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object)
            throw new EthereumException($"expected an object with '{name}' but found {obj.ValueKind}");
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            throw new EthereumException($"field '{name}' is missing");
        return value;
    }

    public static bool Has(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    public static string String(JsonElement value, string what) => value.ValueKind == JsonValueKind.String
        ? value.GetString()!
        : throw new EthereumException($"{what} must be a string but is {value.ValueKind} {JsonRpcClient.Snippet(value.GetRawText())}");

    public static BigInteger Quantity(JsonElement value, string what) => HexQuantity.Parse(String(value, what), what);

    public static ulong UInt64(JsonElement value, string what) => HexQuantity.ParseUInt64(String(value, what), what);

    public static uint UInt32(JsonElement value, string what)
    {
        var n = UInt64(value, what);
        return n <= uint.MaxValue ? (uint)n : throw new EthereumException($"{what} {n} does not fit 32 bits");
    }

    public static Hash32 Hash(JsonElement value, string what)
    {
        var text = String(value, what);
        if (!text.StartsWith("0x", StringComparison.Ordinal)) throw new EthereumException($"{what} must be 0x-prefixed but is '{text}'");
        return new Hash32(Hex.Decode(text, Hash32.Length, what));
    }

    public static Address Address(JsonElement value, string what)
    {
        var text = String(value, what);
        if (!text.StartsWith("0x", StringComparison.Ordinal)) throw new EthereumException($"{what} must be 0x-prefixed but is '{text}'");
        return new Address(Hex.Decode(text, Primitives.Address.Length, what));
    }

    public static byte[] Data(JsonElement value, string what)
    {
        var text = String(value, what);
        if (!text.StartsWith("0x", StringComparison.Ordinal)) throw new EthereumException($"{what} must be 0x-prefixed hex but is '{JsonRpcClient.Snippet(text)}'");
        return Hex.Decode(text);
    }

    public static JsonArray Params(params JsonNode?[] values) => new(values);

    public static string Quantity(BigInteger value) => HexQuantity.Encode(value);
}

using System.Numerics;
using System.Text.Json.Nodes;
using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Tests.Nethereum;

/// <summary>
/// Our ABI types and values in Nethereum's terms. Nethereum reads its parameters (tuple components included) from
/// JSON ABI, as it reads a contract's, so the types go through that JSON. Its values: BigInteger, address as hex
/// text, bool, byte[] for bytes and bytesN, string, a list per array and, decoded, a list of outputs per tuple.
/// </summary>
internal static class NethereumAbi
{
    public static Parameter[] Parameters(IReadOnlyList<AbiType> types)
    {
        var function = new JsonObject
        {
            ["type"] = "function", ["name"] = "f", ["stateMutability"] = "pure", ["outputs"] = new JsonArray(),
            ["inputs"] = new JsonArray([.. types.Select((t, i) => Json(t, $"p{i}", null))]),
        };
        return ABIDeserialiserFactory.DeserialiseContractABI(new JsonArray(function).ToJsonString()).Functions[0].InputParameters;
    }

    public static EventABI Event(AbiEvent evt)
    {
        var json = new JsonObject
        {
            ["type"] = "event", ["name"] = evt.Name, ["anonymous"] = evt.Anonymous,
            ["inputs"] = new JsonArray([.. evt.Parameters.Select(p => Json(p.Type, p.Name, p.Indexed))]),
        };
        return ABIDeserialiserFactory.DeserialiseContractABI(new JsonArray(json).ToJsonString()).Events[0];
    }

    private static JsonObject Json(AbiType type, string name, bool? indexed)
    {
        var json = new JsonObject { ["name"] = name, ["type"] = JsonType(type) };
        if (indexed is { } i) json["indexed"] = i;
        if (BaseType(type) is { Kind: AbiTypeKind.Tuple } tuple)
            json["components"] = new JsonArray([.. tuple.Components.Select((c, k) => Json(c, $"c{k}", null))]);
        return json;
    }

    // JSON ABI spells a tuple "tuple" (with its components beside it) inside any array suffixes: (uint8,bool)[2][] is tuple[2][].
    private static string JsonType(AbiType type) => type.Kind switch
    {
        AbiTypeKind.DynamicArray => JsonType(type.Element!) + "[]",
        AbiTypeKind.FixedArray => JsonType(type.Element!) + $"[{type.Length}]",
        AbiTypeKind.Tuple => "tuple",
        _ => type.CanonicalName,
    };

    private static AbiType BaseType(AbiType type) => type.Kind is AbiTypeKind.DynamicArray or AbiTypeKind.FixedArray ? BaseType(type.Element!) : type;

    public static object ToNethereum(AbiType type, object? value) => (type.Kind, value) switch
    {
        (AbiTypeKind.Address, Address a) => Hex.Encode(a.AsSpan()),
        (AbiTypeKind.DynamicArray or AbiTypeKind.FixedArray, object?[] items) => items.Select(item => ToNethereum(type.Element!, item)).ToList(),
        (AbiTypeKind.Tuple, object?[] items) => items.Select((item, i) => ToNethereum(type.Components[i], item)).ToArray(),
        (_, BigInteger or bool or byte[] or string) => value,
        _ => throw new InvalidOperationException($"unexpected {value?.GetType().Name} for {type}"),
    };

    public static object?[] ToNethereum(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values) =>
        [.. types.Select((t, i) => ToNethereum(t, values[i]))];

    public static object? FromNethereum(AbiType type, object? value) => (type.Kind, value) switch
    {
        (AbiTypeKind.Address, string text) => NethereumValues.Address(text),
        (AbiTypeKind.DynamicArray or AbiTypeKind.FixedArray, System.Collections.IList items) =>
            items.Cast<object?>().Select(item => FromNethereum(type.Element!, item)).ToArray(),
        (AbiTypeKind.Tuple, List<ParameterOutput> outputs) =>
            outputs.OrderBy(o => o.Parameter.Order).Select((o, i) => FromNethereum(type.Components[i], o.Result)).ToArray(),
        (_, BigInteger or bool or byte[] or string) => value,
        _ => throw new InvalidOperationException($"Nethereum gave {value?.GetType().Name} for {type}"),
    };
}

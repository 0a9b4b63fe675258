using System.Collections;
using System.Numerics;
using System.Text.Json.Nodes;
using Nethereum.ABI.FunctionEncoding;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Contracts.Tests.Nethereum;

/// <summary>
/// Random values for our contracts' event parameters, and one JSON form (decimal integers, lower-case hex) for
/// them, for Nethereum's decoded outputs and for the generated records, so the three can be compared.
/// </summary>
internal sealed class EventValues(int seed)
{
    private const string Alphabet = "abc XYZ 09 :/.-_ é€漢";
    private readonly Random _random = new(seed);

    public object? Next(AbiType type) => type.Kind switch
    {
        // uint8 in our events is the Kind enum, which the bindings (like Solidity) refuse past its last member.
        AbiTypeKind.UInt when type.Size == 8 => (BigInteger)_random.Next(Enum.GetValues<Registry.Kind>().Length),
        AbiTypeKind.UInt => _random.Next(4) == 0 ? (BigInteger.One << type.Size) - 1 : new BigInteger(Bytes(type.Size / 8), isUnsigned: true),
        AbiTypeKind.Int => new BigInteger(Bytes(type.Size / 8), isUnsigned: true) - (BigInteger.One << (type.Size - 1)),
        AbiTypeKind.Address => new Address(Bytes(20)),
        AbiTypeKind.Bool => _random.Next(2) == 1,
        AbiTypeKind.FixedBytes => Bytes(type.Size),
        AbiTypeKind.Bytes => Bytes(_random.Next(0, 80)),
        AbiTypeKind.String => new string([.. Enumerable.Range(0, _random.Next(0, 40)).Select(_ => Alphabet[_random.Next(Alphabet.Length)])]),
        AbiTypeKind.DynamicArray => Enumerable.Range(0, _random.Next(0, 4)).Select(_ => Next(type.Element!)).ToArray(),
        AbiTypeKind.FixedArray => Enumerable.Range(0, type.Length).Select(_ => Next(type.Element!)).ToArray(),
        _ => type.Components.Select(Next).ToArray(),
    };

    private byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Nethereum's decoded output of <paramref name="type"/>: addresses as text in any case, a list of outputs per tuple.</summary>
    public static JsonNode? NethereumJson(AbiType type, object? value) => (type.Kind, value) switch
    {
        (AbiTypeKind.Address, string text) => Hex.Encode(Hex.Decode(text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text : "0x" + text, 20, "A Nethereum address")),
        (AbiTypeKind.DynamicArray or AbiTypeKind.FixedArray, IEnumerable items) => new JsonArray([.. items.Cast<object?>().Select(item => NethereumJson(type.Element!, item))]),
        (AbiTypeKind.Tuple, List<ParameterOutput> outputs) =>
            new JsonArray([.. outputs.OrderBy(o => o.Parameter.Order).Select((o, i) => NethereumJson(type.Components[i], o.Result))]),
        _ => Json(value),
    };

    /// <summary>Our values (object arrays for arrays and tuples) and the generated records' members alike.</summary>
    public static JsonNode? Json(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b,
        BigInteger n => n.ToString(),
        Enum e => Convert.ToUInt64(e).ToString(),
        byte or ushort or uint or ulong or int or long => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
        Address a => Hex.Encode(a.AsSpan()),
        Hash32 h => h.ToString(),
        byte[] bytes => Hex.Encode(bytes),
        IEnumerable items => new JsonArray([.. items.Cast<object?>().Select(Json)]),
        // A generated struct record (Policy, Entry): its members in declaration order, which is the ABI order.
        _ => new JsonArray([.. value.GetType().GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance).Select(p => Json(p.GetValue(value)))]),
    };
}

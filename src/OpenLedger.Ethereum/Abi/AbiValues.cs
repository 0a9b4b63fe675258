using System.Collections;
using System.Numerics;
using System.Runtime.CompilerServices;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Abi;

/// <summary>
/// The .NET values the encoder accepts for each ABI type, with range checks. Decoding always yields the first
/// form listed: integers as BigInteger (int/long/ulong... accepted), address as Address (or a hex string),
/// bool, bytes and bytesN as byte[] (Hash32 and ReadOnlyMemory accepted), string, arrays and tuples as object?[]
/// (any IList or ITuple accepted).
/// </summary>
internal static class AbiValues
{
    public static BigInteger ToInteger(AbiType type, object? value)
    {
        BigInteger n = value switch
        {
            BigInteger b => b,
            int i => i,
            long l => l,
            uint u => u,
            ulong ul => ul,
            short s => s,
            ushort us => us,
            byte by => by,
            sbyte sb => sb,
            _ => throw Mismatch(type, value, "an integer (BigInteger, int, long, ulong...)"),
        };
        if (type.Kind == AbiTypeKind.UInt)
        {
            if (n.Sign < 0 || n.GetBitLength() > type.Size)
                throw new EthereumException($"{type} value {n} is out of range: expected 0 to 2^{type.Size}-1");
        }
        else if (n.GetBitLength() > type.Size - 1 && !(n.Sign < 0 && n == -(BigInteger.One << (type.Size - 1))))
        {
            throw new EthereumException($"{type} value {n} is out of range: expected -2^{type.Size - 1} to 2^{type.Size - 1}-1");
        }
        return n;
    }

    public static Address ToAddress(AbiType type, object? value) => value switch
    {
        Address a => a,
        string s => Address.Parse(s),
        _ => throw Mismatch(type, value, "an Address or a 0x-prefixed address string"),
    };

    public static bool ToBool(AbiType type, object? value) =>
        value as bool? ?? throw Mismatch(type, value, "a bool");

    public static ReadOnlySpan<byte> ToBytes(AbiType type, object? value)
    {
        ReadOnlySpan<byte> bytes = value switch
        {
            byte[] b => b,
            ReadOnlyMemory<byte> m => m.Span,
            Memory<byte> m => m.Span,
            Hash32 h => h.AsSpan(),
            _ => throw Mismatch(type, value, "a byte[]"),
        };
        if (type.Kind == AbiTypeKind.FixedBytes && bytes.Length != type.Size)
            throw new EthereumException($"{type} value must be {type.Size} bytes but is {bytes.Length}");
        return bytes;
    }

    public static string ToText(AbiType type, object? value) =>
        value as string ?? throw Mismatch(type, value, "a string");

    /// <summary>The elements of an array or the components of a tuple, with the count checked.</summary>
    public static IList ToList(AbiType type, object? value)
    {
        IList list = value switch
        {
            IList l => l,
            ITuple t when type.Kind == AbiTypeKind.Tuple => TupleToArray(t),
            _ => throw Mismatch(type, value, type.Kind == AbiTypeKind.Tuple ? "an object?[] of components" : "an array or list"),
        };
        var expected = type.Kind switch
        {
            AbiTypeKind.FixedArray => type.Length,
            AbiTypeKind.Tuple => type.Components.Count,
            _ => list.Count,
        };
        if (list.Count != expected)
            throw new EthereumException($"{type} value must have {expected} {(type.Kind == AbiTypeKind.Tuple ? "components" : "elements")} but has {list.Count}");
        return list;
    }

    private static object?[] TupleToArray(ITuple tuple)
    {
        var result = new object?[tuple.Length];
        for (var i = 0; i < result.Length; i++) result[i] = tuple[i];
        return result;
    }

    private static EthereumException Mismatch(AbiType type, object? value, string expected) =>
        new($"{type} value must be {expected} but is {(value is null ? "null" : value.GetType().Name)}");
}

using System.Numerics;
using System.Text;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Tests.Abi;

/// <summary>Seeded random ABI types (nested up to a depth) and values that fit them, edge values included.</summary>
internal sealed class AbiRandom(int seed)
{
    private static readonly string[] Pieces = ["a", "Z", "0", " ", "é", "中", "😀", "\n", "\"", "\\", "ß", "…"];
    private readonly Random _random = new(seed);

    public Random Random => _random;

    public AbiType Type(int depth = 3)
    {
        var pick = _random.Next(depth > 0 ? 11 : 7);
        return pick switch
        {
            0 => AbiType.UInt(8 * (1 + _random.Next(32))),
            1 => AbiType.Int(8 * (1 + _random.Next(32))),
            2 => AbiType.Address,
            3 => AbiType.Bool,
            4 => AbiType.FixedBytes(1 + _random.Next(32)),
            5 => AbiType.Bytes,
            6 => AbiType.String,
            7 => AbiType.DynamicArray(Type(depth - 1)),
            8 => AbiType.FixedArray(Type(depth - 1), 1 + _random.Next(3)),
            _ => AbiType.Tuple([.. Enumerable.Range(0, 1 + _random.Next(4)).Select(_ => Type(depth - 1))]),
        };
    }

    public object? Value(AbiType type) => type.Kind switch
    {
        AbiTypeKind.UInt => Unsigned(type.Size),
        AbiTypeKind.Int => Unsigned(type.Size) - (BigInteger.One << (type.Size - 1)),
        AbiTypeKind.Address => new Address(Bytes(20)),
        AbiTypeKind.Bool => _random.Next(2) == 1,
        AbiTypeKind.FixedBytes => Bytes(type.Size),
        AbiTypeKind.Bytes => Bytes(_random.Next(4) == 0 ? 0 : _random.Next(80)),
        AbiTypeKind.String => Text(),
        AbiTypeKind.DynamicArray => Enumerable.Range(0, _random.Next(4)).Select(_ => Value(type.Element!)).ToArray(),
        AbiTypeKind.FixedArray => Enumerable.Range(0, type.Length).Select(_ => Value(type.Element!)).ToArray(),
        _ => type.Components.Select(Value).ToArray(),
    };

    public byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private BigInteger Unsigned(int bits) => _random.Next(6) switch
    {
        0 => BigInteger.Zero,
        1 => (BigInteger.One << bits) - 1,
        2 => _random.Next(bits == 8 ? 256 : 1000),
        _ => new BigInteger(Bytes(bits / 8), isUnsigned: true),
    };

    private string Text()
    {
        var builder = new StringBuilder();
        var count = _random.Next(4) == 0 ? 0 : _random.Next(40);
        for (var i = 0; i < count; i++) builder.Append(Pieces[_random.Next(Pieces.Length)]);
        return builder.ToString();
    }
}

using System.Numerics;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Attribution.Merkle;

/// <summary>
/// A static ABI type a Merkle leaf can hold (address, uintN, intN, bytesN, bool), each encoded into one 32-byte word
/// exactly as Solidity's abi.encode does.
/// </summary>
public readonly record struct LeafType(string Name, LeafKind Kind, int Size)
{
    public static LeafType Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name == "address") return new(name, LeafKind.Address, 20);
        if (name == "bool") return new(name, LeafKind.Bool, 1);
        if (name == "uint" || name == "int")
            throw new AttributionException($"Leaf type '{name}' must name its width ('{name}256'), as the Solidity ABI's canonical form does");
        if (TrySized(name, "uint", 8, 256, 8, out var bits)) return new(name, LeafKind.Uint, bits);
        if (TrySized(name, "int", 8, 256, 8, out bits)) return new(name, LeafKind.Int, bits);
        if (TrySized(name, "bytes", 1, 32, 1, out var bytes)) return new(name, LeafKind.FixedBytes, bytes);
        throw new AttributionException($"Leaf type '{name}' is not supported; expected a static type: address, bool, uint8..uint256, int8..int256 or bytes1..bytes32");
    }

    private static bool TrySized(string name, string prefix, int min, int max, int step, out int size)
    {
        size = 0;
        return name.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, null, out size)
            && size >= min && size <= max && size % step == 0 && name.Length == prefix.Length + size.ToString().Length;
    }

    /// <summary>Writes <paramref name="value"/> as one 32-byte ABI word into <paramref name="word"/>.</summary>
    public void Encode(object value, Span<byte> word)
    {
        word.Clear();
        switch (Kind)
        {
            case LeafKind.Address:
                if (value is not Address address) throw Mismatch(value, "an Address");
                address.AsSpan().CopyTo(word[12..]);
                break;
            case LeafKind.Bool:
                if (value is not bool flag) throw Mismatch(value, "a bool");
                word[31] = flag ? (byte)1 : (byte)0;
                break;
            case LeafKind.FixedBytes:
                var bytes = value switch { Hash32 h => h.AsSpan(), byte[] b => b, _ => throw Mismatch(value, $"{Size} bytes") };
                if (bytes.Length != Size) throw new AttributionException($"A {Name} leaf value must be {Size} bytes but is {bytes.Length}");
                bytes.CopyTo(word);
                break;
            default:
                EncodeInteger(ToBigInteger(value), word);
                break;
        }
    }

    private void EncodeInteger(BigInteger n, Span<byte> word)
    {
        var min = Kind == LeafKind.Uint ? BigInteger.Zero : -(BigInteger.One << (Size - 1));
        var max = Kind == LeafKind.Uint ? (BigInteger.One << Size) - 1 : (BigInteger.One << (Size - 1)) - 1;
        if (n < min || n > max) throw new AttributionException($"A {Name} leaf value must be in [{min}, {max}] but is {n}");
        // Two's complement over the full word: negative ints are sign-extended with 0xFF bytes.
        if (n.Sign < 0) word.Fill(0xFF);
        var length = n.GetByteCount(isUnsigned: n.Sign >= 0);
        n.TryWriteBytes(word[(32 - length)..], out _, isUnsigned: n.Sign >= 0, isBigEndian: true);
    }

    private BigInteger ToBigInteger(object value) => value switch
    {
        BigInteger b => b,
        int i => i,
        long l => l,
        uint u => u,
        ulong u => u,
        _ => throw Mismatch(value, "an integer"),
    };

    private AttributionException Mismatch(object value, string expected) =>
        new($"A {Name} leaf value must be {expected} but is {value?.GetType().Name ?? "null"}");
}

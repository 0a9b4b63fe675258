namespace OpenLedger.Ethereum.Abi;

/// <summary>
/// An ABI type parsed from its canonical string (<c>uint256</c>, <c>bytes32[]</c>, <c>(address,string)[2]</c>).
/// Immutable; sizes and the dynamic flag are computed once because the encoder and decoder ask for them per value.
/// </summary>
public sealed class AbiType : IEquatable<AbiType>
{
    private AbiType(AbiTypeKind kind, int size, int length, AbiType? element, AbiType[] components, string name)
    {
        Kind = kind;
        Size = size;
        Length = length;
        Element = element;
        Components = components;
        CanonicalName = name;
        IsDynamic = kind switch
        {
            AbiTypeKind.Bytes or AbiTypeKind.String or AbiTypeKind.DynamicArray => true,
            AbiTypeKind.FixedArray => element!.IsDynamic,
            AbiTypeKind.Tuple => Array.Exists(components, c => c.IsDynamic),
            _ => false,
        };
        long headSize = IsDynamic ? 32 : kind switch
        {
            AbiTypeKind.FixedArray => (long)length * element!.HeadSize,
            AbiTypeKind.Tuple => components.Sum(c => (long)c.HeadSize),
            _ => 32,
        };
        // Nothing real comes near this; the limit keeps offsets and sizes in int arithmetic.
        if (headSize > MaxHeadSize)
            throw new EthereumException($"{name} is not a usable ABI type: its encoding would take {headSize} bytes, more than {MaxHeadSize}");
        HeadSize = (int)headSize;
    }

    private const int MaxHeadSize = 1 << 24;

    public AbiTypeKind Kind { get; }

    /// <summary>Bits for <c>uintN</c>/<c>intN</c>, bytes for <c>bytesN</c>, 0 otherwise.</summary>
    public int Size { get; }

    /// <summary>The element count of a fixed array <c>T[k]</c>, 0 otherwise.</summary>
    public int Length { get; }

    /// <summary>The element type of an array, null otherwise.</summary>
    public AbiType? Element { get; }

    /// <summary>The component types of a tuple, empty otherwise.</summary>
    public IReadOnlyList<AbiType> Components { get; }

    /// <summary>The canonical form used in signatures: <c>uint256</c>, never <c>uint</c>; tuples as <c>(a,b)</c>.</summary>
    public string CanonicalName { get; }

    /// <summary>True when the value is encoded in the tail behind an offset (string, bytes, T[], or containing one).</summary>
    public bool IsDynamic { get; }

    /// <summary>Bytes the value takes in the head: 32 for an offset or a word, more for static tuples and arrays.</summary>
    public int HeadSize { get; }

    public static AbiType UInt(int bits) => new(AbiTypeKind.UInt, CheckBits(bits, "uint"), 0, null, [], "uint" + bits);

    public static AbiType Int(int bits) => new(AbiTypeKind.Int, CheckBits(bits, "int"), 0, null, [], "int" + bits);

    public static AbiType Address { get; } = new(AbiTypeKind.Address, 0, 0, null, [], "address");

    public static AbiType Bool { get; } = new(AbiTypeKind.Bool, 0, 0, null, [], "bool");

    public static AbiType Bytes { get; } = new(AbiTypeKind.Bytes, 0, 0, null, [], "bytes");

    public static AbiType String { get; } = new(AbiTypeKind.String, 0, 0, null, [], "string");

    public static AbiType UInt256 { get; } = UInt(256);

    public static AbiType Bytes32 { get; } = FixedBytes(32);

    public static AbiType FixedBytes(int size)
    {
        if (size is < 1 or > 32)
            throw new EthereumException($"bytes{size} is not an ABI type: bytesN sizes are 1 to 32");
        return new(AbiTypeKind.FixedBytes, size, 0, null, [], "bytes" + size);
    }

    public static AbiType FixedArray(AbiType element, int length)
    {
        if (length < 1)
            throw new EthereumException($"{element.CanonicalName}[{length}] is not an ABI type: a fixed array needs at least one element");
        return new(AbiTypeKind.FixedArray, 0, length, element, [], $"{element.CanonicalName}[{length}]");
    }

    public static AbiType DynamicArray(AbiType element) =>
        new(AbiTypeKind.DynamicArray, 0, 0, element, [], element.CanonicalName + "[]");

    public static AbiType Tuple(params AbiType[] components) =>
        new(AbiTypeKind.Tuple, 0, 0, null, [.. components], "(" + string.Join(',', components.Select(c => c.CanonicalName)) + ")");

    /// <summary>Parses a canonical type string; <c>uint</c>/<c>int</c> are accepted as aliases of the 256-bit types.</summary>
    public static AbiType Parse(string text) => AbiTypeParser.Parse(text);

    private static int CheckBits(int bits, string prefix)
    {
        if (bits is < 8 or > 256 || bits % 8 != 0)
            throw new EthereumException($"{prefix}{bits} is not an ABI type: {prefix} sizes are multiples of 8 from 8 to 256");
        return bits;
    }

    public bool Equals(AbiType? other) => other is not null && CanonicalName == other.CanonicalName;

    public override bool Equals(object? obj) => Equals(obj as AbiType);

    public override int GetHashCode() => CanonicalName.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => CanonicalName;
}

using System.Numerics;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Rlp;

/// <summary>A decoded RLP item: either a byte string or a list of items.</summary>
public sealed class RlpItem
{
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly IReadOnlyList<RlpItem>? _items;

    private RlpItem(ReadOnlyMemory<byte> bytes, IReadOnlyList<RlpItem>? items)
    {
        _bytes = bytes;
        _items = items;
    }

    public static RlpItem String(ReadOnlyMemory<byte> bytes) => new(bytes, null);

    public static RlpItem List(IReadOnlyList<RlpItem> items) => new(default, items);

    public static RlpItem List(params RlpItem[] items) => new(default, items);

    /// <summary>An unsigned integer as its minimal big-endian byte string (zero is the empty string).</summary>
    public static RlpItem Integer(BigInteger value) => new(RlpEncoder.IntegerBytes(value), null);

    public bool IsList => _items is not null;

    /// <summary>The content of a byte string.</summary>
    public ReadOnlyMemory<byte> Bytes =>
        _items is null ? _bytes : throw new EthereumException("Expected an RLP byte string but found a list");

    public IReadOnlyList<RlpItem> Items =>
        _items ?? throw new EthereumException($"Expected an RLP list but found a {_bytes.Length}-byte string");

    /// <summary>The items of a list that must have exactly <paramref name="count"/> of them.</summary>
    public IReadOnlyList<RlpItem> ItemsOfCount(int count, string what)
    {
        var items = Items;
        if (items.Count != count)
            throw new EthereumException($"{what} must be an RLP list of {count} items but has {items.Count}");
        return items;
    }

    /// <summary>
    /// The byte string as an unsigned integer. A leading zero byte is rejected: canonical RLP integers are
    /// minimal, and accepting padding would give one value two encodings (and two transaction hashes).
    /// </summary>
    public BigInteger ToBigInteger(string what = "An RLP integer", int maxBytes = 32)
    {
        var span = Bytes.Span;
        if (span.Length > maxBytes)
            throw new EthereumException($"{what} must be at most {maxBytes} bytes but is {span.Length}");
        if (span.Length > 0 && span[0] == 0)
            throw new EthereumException($"{what} must be minimal but has a leading zero byte: {Hex.Encode(span)}");
        return new BigInteger(span, isUnsigned: true, isBigEndian: true);
    }

    public ulong ToUInt64(string what = "An RLP integer") => (ulong)ToBigInteger(what, 8);

    /// <summary>A 20-byte address, or null for the empty string (contract creation's "to").</summary>
    public Address? ToAddressOrNull(string what = "An address")
    {
        var span = Bytes.Span;
        if (span.Length == 0) return null;
        if (span.Length != Address.Length)
            throw new EthereumException($"{what} must be 0 or 20 bytes but is {span.Length}");
        return new Address(span);
    }

    public override string ToString() =>
        _items is null ? Hex.Encode(_bytes.Span) : "[" + string.Join(", ", _items) + "]";
}

namespace OpenLedger.Ethereum.Rlp;

/// <summary>
/// Decodes RLP, accepting only the canonical form: every value has exactly one encoding, so a decoder that
/// tolerated padding or long forms for short payloads would let two byte strings mean the same transaction.
/// </summary>
public static class RlpDecoder
{
    // Nesting deeper than any Ethereum structure; stops hostile input from exhausting the stack.
    private const int MaxDepth = 64;

    /// <summary>Decodes exactly one item that spans all of <paramref name="data"/>.</summary>
    public static RlpItem Decode(ReadOnlyMemory<byte> data)
    {
        var (item, consumed) = DecodeItem(data, 0);
        if (consumed != data.Length)
            throw new EthereumException($"RLP input has {data.Length - consumed} trailing bytes after a {consumed}-byte item");
        return item;
    }

    private static (RlpItem Item, int Consumed) DecodeItem(ReadOnlyMemory<byte> data, int depth)
    {
        if (depth > MaxDepth) throw new EthereumException($"RLP nesting exceeds {MaxDepth} levels");
        var span = data.Span;
        if (span.Length == 0) throw new EthereumException("RLP input is truncated: expected an item but found no bytes");
        var prefix = span[0];
        if (prefix < 0x80) return (RlpItem.String(data[..1]), 1);

        var isList = prefix >= 0xc0;
        var shortBase = isList ? 0xc0 : 0x80;
        int headerLength, payloadLength;
        if (prefix - shortBase <= 55)
        {
            headerLength = 1;
            payloadLength = prefix - shortBase;
        }
        else
        {
            var lengthOfLength = prefix - shortBase - 55;
            headerLength = 1 + lengthOfLength;
            if (span.Length < headerLength)
                throw new EthereumException($"RLP input is truncated: the header needs {headerLength} bytes but {span.Length} remain");
            if (span[1] == 0)
                throw new EthereumException("RLP length has a leading zero byte (non-canonical length)");
            if (lengthOfLength > 4) throw new EthereumException($"RLP length of {lengthOfLength} bytes is too large");
            long length = 0;
            for (var i = 1; i <= lengthOfLength; i++) length = length << 8 | span[i];
            if (length < 56)
                throw new EthereumException($"RLP uses the long form for a {length}-byte payload that must use the short form");
            if (length > int.MaxValue - headerLength) throw new EthereumException($"RLP length {length} is too large");
            payloadLength = (int)length;
        }

        if (span.Length - headerLength < payloadLength)
            throw new EthereumException(
                $"RLP input is truncated: the item needs {payloadLength} payload bytes but {span.Length - headerLength} remain");
        var payload = data.Slice(headerLength, payloadLength);
        var consumed = headerLength + payloadLength;

        if (!isList)
        {
            if (payloadLength == 1 && payload.Span[0] < 0x80)
                throw new EthereumException($"RLP encodes the single byte 0x{payload.Span[0]:x2} with a prefix; it must stand alone");
            return (RlpItem.String(payload), consumed);
        }

        var items = new List<RlpItem>();
        var rest = payload;
        while (rest.Length > 0)
        {
            var (child, used) = DecodeItem(rest, depth + 1);
            items.Add(child);
            rest = rest[used..];
        }
        return (RlpItem.List(items), consumed);
    }
}

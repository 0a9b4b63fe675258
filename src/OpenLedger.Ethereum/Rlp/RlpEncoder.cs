using System.Numerics;

namespace OpenLedger.Ethereum.Rlp;

/// <summary>Recursive Length Prefix encoding (Ethereum yellow paper, appendix B).</summary>
public static class RlpEncoder
{
    public static byte[] Encode(RlpItem item)
    {
        var buffer = new byte[EncodedLength(item)];
        var written = Write(item, buffer);
        return written == buffer.Length ? buffer : throw new InvalidOperationException("RLP length mismatch");
    }

    /// <summary>Encodes a byte string: a single byte below 0x80 is itself, otherwise a length prefix.</summary>
    public static byte[] EncodeBytes(ReadOnlySpan<byte> bytes)
    {
        var buffer = new byte[StringLength(bytes)];
        WriteString(bytes, buffer);
        return buffer;
    }

    public static byte[] EncodeInteger(BigInteger value) => EncodeBytes(IntegerBytes(value));

    /// <summary>The minimal big-endian bytes of an unsigned integer; zero is empty.</summary>
    public static byte[] IntegerBytes(BigInteger value)
    {
        if (value.Sign < 0) throw new EthereumException($"RLP integers are unsigned but the value is {value}");
        return value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
    }

    public static int EncodedLength(RlpItem item)
    {
        if (!item.IsList) return StringLength(item.Bytes.Span);
        var payload = PayloadLength(item);
        return HeaderLength(payload) + payload;
    }

    private static int PayloadLength(RlpItem list)
    {
        var payload = 0;
        foreach (var child in list.Items) payload += EncodedLength(child);
        return payload;
    }

    private static int StringLength(ReadOnlySpan<byte> bytes) =>
        bytes.Length == 1 && bytes[0] < 0x80 ? 1 : HeaderLength(bytes.Length) + bytes.Length;

    private static int HeaderLength(int payload) => payload < 56 ? 1 : 1 + LengthOfLength(payload);

    private static int LengthOfLength(int length)
    {
        var n = 0;
        for (var l = length; l > 0; l >>= 8) n++;
        return n;
    }

    private static int Write(RlpItem item, Span<byte> destination)
    {
        if (!item.IsList) return WriteString(item.Bytes.Span, destination);
        var offset = WriteHeader(PayloadLength(item), 0xc0, destination);
        foreach (var child in item.Items) offset += Write(child, destination[offset..]);
        return offset;
    }

    private static int WriteString(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        if (bytes.Length == 1 && bytes[0] < 0x80)
        {
            destination[0] = bytes[0];
            return 1;
        }
        var offset = WriteHeader(bytes.Length, 0x80, destination);
        bytes.CopyTo(destination[offset..]);
        return offset + bytes.Length;
    }

    private static int WriteHeader(int payload, byte offset, Span<byte> destination)
    {
        if (payload < 56)
        {
            destination[0] = (byte)(offset + payload);
            return 1;
        }
        var lengthOfLength = LengthOfLength(payload);
        destination[0] = (byte)(offset + 55 + lengthOfLength);
        for (var i = 0; i < lengthOfLength; i++)
            destination[lengthOfLength - i] = (byte)(payload >> (8 * i));
        return 1 + lengthOfLength;
    }
}

using System.Buffers.Binary;
using System.Numerics;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Abi;

/// <summary>
/// Reading and writing single 32-byte words, strictly: a word that does not hold a canonical value of its type
/// (dirty high bits, a bool of 2, non-zero bytesN padding) is rejected, because a lenient decoder lets two
/// different encodings mean the same value.
/// </summary>
public static class AbiWord
{
    public static void WriteUInt(Span<byte> word, ulong value)
    {
        word[..24].Clear();
        BinaryPrimitives.WriteUInt64BigEndian(word[24..32], value);
    }

    public static void WriteInteger(Span<byte> word, BigInteger value)
    {
        word[..32].Fill(value.Sign < 0 ? (byte)0xFF : (byte)0);
        var count = value.GetByteCount(isUnsigned: value.Sign >= 0);
        value.TryWriteBytes(word.Slice(32 - count, count), out _, isUnsigned: value.Sign >= 0, isBigEndian: true);
    }

    /// <summary>Reads a <c>uintN</c>/<c>intN</c> word, rejecting bits beyond N (or a bad sign extension).</summary>
    public static BigInteger ReadInteger(ReadOnlySpan<byte> word, AbiType type)
    {
        var bytes = type.Size / 8;
        var high = word[..(32 - bytes)];
        var low = word[(32 - bytes)..32];
        if (type.Kind == AbiTypeKind.UInt)
        {
            if (high.ContainsAnyExcept((byte)0))
                throw new EthereumException($"{type} word has non-zero bits above bit {type.Size}: {Hex.Encode(word[..32])}");
            // Small values are common (ids, kinds); a ulong avoids BigInteger's byte parsing.
            if (bytes <= 8 || !low[..(bytes - 8)].ContainsAnyExcept((byte)0))
                return BinaryPrimitives.ReadUInt64BigEndian(word[24..32]);
            return new BigInteger(low, isUnsigned: true, isBigEndian: true);
        }
        var fill = (low[0] & 0x80) != 0 ? (byte)0xFF : (byte)0;
        if (high.ContainsAnyExcept(fill))
            throw new EthereumException($"{type} word is not the sign extension of a {type.Size}-bit value: {Hex.Encode(word[..32])}");
        return new BigInteger(low, isUnsigned: false, isBigEndian: true);
    }

    /// <summary>Reads a word that must hold a non-negative integer fitting an int (offsets, lengths).</summary>
    public static int ReadLength(ReadOnlySpan<byte> word, string what)
    {
        if (word[..28].ContainsAnyExcept((byte)0) || (word[28] & 0x80) != 0)
            throw new EthereumException($"{what} {Hex.Encode(word[..32])} is too large");
        return BinaryPrimitives.ReadInt32BigEndian(word[28..32]);
    }

    public static Address ReadAddress(ReadOnlySpan<byte> word)
    {
        if (word[..12].ContainsAnyExcept((byte)0))
            throw new EthereumException($"address word has non-zero bytes above its 20 bytes: {Hex.Encode(word[..32])}");
        return new Address(word[12..32]);
    }

    public static bool ReadBool(ReadOnlySpan<byte> word)
    {
        if (word[..31].ContainsAnyExcept((byte)0) || word[31] > 1)
            throw new EthereumException($"bool word must be 0 or 1 but is {Hex.Encode(word[..32])}");
        return word[31] == 1;
    }

    public static byte[] ReadFixedBytes(ReadOnlySpan<byte> word, AbiType type)
    {
        if (word[type.Size..32].ContainsAnyExcept((byte)0))
            throw new EthereumException($"{type} word has non-zero padding after its {type.Size} bytes: {Hex.Encode(word[..32])}");
        return word[..type.Size].ToArray();
    }
}

using System.Text;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Abi;

/// <summary>
/// Strict Solidity ABI decoding: every offset and length is checked against the data before it is followed or
/// allocated, padding must be zero, and words must be canonical for their type. Messages name the type and the
/// byte position. Trailing bytes after the last tail are allowed (calldata may carry extra data).
/// </summary>
public static class AbiDecoder
{
    // Solidity never checks that a string is UTF-8, so a contract can log any bytes as a string (anyone can register
    // a contribution whose URI is not UTF-8). A reader that follows the chain must not halt on what the chain
    // accepted: invalid sequences decode as U+FFFD, as Solidity tooling and browsers show them.
    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Decodes the tuple of <paramref name="types"/> from <paramref name="data"/>.</summary>
    public static object?[] Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data)
    {
        var result = new object?[types.Count];
        DecodeInto(types, data, result, null);
        return result;
    }

    // Writes value i to target[positions[i]] (or target[i]): event decoding fills its parameter array directly.
    internal static void DecodeInto(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data, object?[] target, int[]? positions)
    {
        var head = 0;
        for (var i = 0; i < types.Count; i++)
        {
            try { target[positions is null ? i : positions[i]] = ReadSlot(types[i], data, head, 0); }
            catch (EthereumException e) { throw new EthereumException($"Cannot decode argument {i} ({types[i]}): {e.Message}", e); }
            head += types[i].HeadSize;
        }
    }

    /// <summary>Decodes a single value encoded as a one-element tuple.</summary>
    public static object? Decode(AbiType type, ReadOnlySpan<byte> data) => Decode([type], data)[0];

    // 'data' is the enclosing sequence; 'origin' its absolute position in the input, for messages.
    internal static object? ReadSlot(AbiType type, ReadOnlySpan<byte> data, int head, int origin)
    {
        if (head + 32 > data.Length || head + type.HeadSize > data.Length)
            throw new EthereumException($"data ends at byte {origin + data.Length} but {type} needs bytes {origin + head} to {origin + head + type.HeadSize}");
        if (!type.IsDynamic) return ReadStatic(type, data.Slice(head, type.HeadSize), origin + head);
        var offset = AbiWord.ReadLength(data.Slice(head, 32), $"offset of {type} at byte {origin + head}");
        if (offset > data.Length - 32)
            throw new EthereumException($"offset {offset} of {type} at byte {origin + head} points outside the {data.Length} bytes of its enclosing data");
        return ReadDynamic(type, data[offset..], origin + offset);
    }

    private static object? ReadStatic(AbiType type, ReadOnlySpan<byte> word, int position)
    {
        try
        {
            return type.Kind switch
            {
                AbiTypeKind.UInt or AbiTypeKind.Int => AbiWord.ReadInteger(word, type),
                AbiTypeKind.Address => AbiWord.ReadAddress(word),
                AbiTypeKind.Bool => AbiWord.ReadBool(word),
                AbiTypeKind.FixedBytes => AbiWord.ReadFixedBytes(word, type),
                _ => ReadSequence(type, Count(type), word, position),
            };
        }
        catch (EthereumException e) when (type.Kind is not (AbiTypeKind.FixedArray or AbiTypeKind.Tuple))
        {
            throw new EthereumException($"at byte {position}: {e.Message}", e);
        }
    }

    private static object? ReadDynamic(AbiType type, ReadOnlySpan<byte> data, int position)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Bytes:
            case AbiTypeKind.String:
                {
                    var length = AbiWord.ReadLength(data[..32], $"length of {type} at byte {position}");
                    if (length > data.Length - 32 || AbiEncoder.Pad(length) > data.Length - 32)
                        throw new EthereumException($"{type} at byte {position} has length {length} but only {data.Length - 32} bytes follow");
                    var content = data.Slice(32, length);
                    if (data.Slice(32 + length, AbiEncoder.Pad(length) - length).ContainsAnyExcept((byte)0))
                        throw new EthereumException($"{type} at byte {position} has non-zero padding after its {length} bytes");
                    if (type.Kind == AbiTypeKind.Bytes) return content.ToArray();
                    return LenientUtf8.GetString(content);
                }
            case AbiTypeKind.DynamicArray:
                {
                    var count = AbiWord.ReadLength(data[..32], $"length of {type} at byte {position}");
                    // Checked before allocating: a forged length must not make us allocate gigabytes.
                    // An empty tuple takes no bytes; counting it as one keeps a forged count bounded by the data size.
                    var needed = (long)count * Math.Max(type.Element!.HeadSize, 1);
                    if (needed > data.Length - 32)
                        throw new EthereumException($"{type} at byte {position} has length {count} but its elements would need {needed} bytes and only {data.Length - 32} follow");
                    return ReadSequence(type, count, data[32..], position + 32);
                }
            default:
                return ReadSequence(type, Count(type), data, position);
        }
    }

    private static object?[] ReadSequence(AbiType type, int count, ReadOnlySpan<byte> data, int position)
    {
        var result = new object?[count];
        var head = 0;
        for (var i = 0; i < count; i++)
        {
            var component = AbiEncoder.ComponentType(type, i);
            try { result[i] = ReadSlot(component, data, head, position); }
            catch (EthereumException e) { throw new EthereumException($"{AbiEncoder.Where(type, i)}: {e.Message}", e); }
            head += component.HeadSize;
        }
        return result;
    }

    private static int Count(AbiType type) => type.Kind == AbiTypeKind.Tuple ? type.Components.Count : type.Length;
}

using System.Numerics;
using System.Text;

namespace OpenLedger.Ethereum.Abi;

/// <summary>
/// Solidity ABI encoding (head/tail with offsets). The size is computed first so the result is written into one
/// exactly-sized array without intermediate buffers.
/// </summary>
public static class AbiEncoder
{
    /// <summary>Encodes <paramref name="values"/> as the tuple of <paramref name="types"/> (function arguments, event data).</summary>
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values) => Encode(types, values, ReadOnlySpan<byte>.Empty);

    /// <summary>Encodes with <paramref name="prefix"/> (a 4-byte selector) in front.</summary>
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values, ReadOnlySpan<byte> prefix)
    {
        if (types.Count != values.Count)
            throw new EthereumException($"Expected {types.Count} values for ({string.Join(',', types)}) but got {values.Count}");
        var size = 0;
        for (var i = 0; i < types.Count; i++)
        {
            try { size = checked(size + (types[i].IsDynamic ? 32 + TailSize(types[i], values[i]) : types[i].HeadSize)); }
            catch (EthereumException e) { throw Argument(i, types[i], e); }
        }
        var result = new byte[prefix.Length + size];
        prefix.CopyTo(result);
        var output = result.AsSpan(prefix.Length);
        int head = 0, tail = 0;
        for (var i = 0; i < types.Count; i++) tail += types[i].HeadSize;
        for (var i = 0; i < types.Count; i++)
        {
            try { tail += WriteSlot(types[i], values[i], output, head, tail); }
            catch (EthereumException e) { throw Argument(i, types[i], e); }
            head += types[i].HeadSize;
        }
        return result;
    }

    /// <summary>Encodes a single value as a one-element tuple.</summary>
    public static byte[] Encode(AbiType type, object? value) => Encode([type], [value]);

    private static EthereumException Argument(int index, AbiType type, EthereumException e) =>
        new($"Cannot encode argument {index} ({type}): {e.Message}", e);

    // Writes the head slot at 'head' and, for a dynamic type, the tail at 'tail'; returns the tail bytes written.
    private static int WriteSlot(AbiType type, object? value, Span<byte> output, int head, int tail)
    {
        if (!type.IsDynamic)
        {
            WriteStatic(type, value, output.Slice(head, type.HeadSize));
            return 0;
        }
        AbiWord.WriteUInt(output.Slice(head, 32), (ulong)tail);
        return WriteDynamic(type, value, output[tail..]);
    }

    private static void WriteStatic(AbiType type, object? value, Span<byte> output)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UInt:
            case AbiTypeKind.Int:
                AbiWord.WriteInteger(output, AbiValues.ToInteger(type, value));
                break;
            case AbiTypeKind.Address:
                AbiValues.ToAddress(type, value).AsSpan().CopyTo(output[12..]);
                break;
            case AbiTypeKind.Bool:
                output[31] = AbiValues.ToBool(type, value) ? (byte)1 : (byte)0;
                break;
            case AbiTypeKind.FixedBytes:
                AbiValues.ToBytes(type, value).CopyTo(output);
                break;
            default:
                WriteSequence(type, value, output);
                break;
        }
    }

    // Tuples and arrays: a head per element, then the tails of the dynamic ones; offsets relative to the sequence start.
    private static int WriteSequence(AbiType type, object? value, Span<byte> output)
    {
        var list = AbiValues.ToList(type, value);
        var count = list.Count;
        var tail = 0;
        for (var i = 0; i < count; i++) tail += ComponentType(type, i).HeadSize;
        var head = 0;
        for (var i = 0; i < count; i++)
        {
            var component = ComponentType(type, i);
            try { tail += WriteSlot(component, list[i], output, head, tail); }
            catch (EthereumException e) { throw new EthereumException($"{Where(type, i)}: {e.Message}", e); }
            head += component.HeadSize;
        }
        return tail;
    }

    private static int WriteDynamic(AbiType type, object? value, Span<byte> output)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Bytes:
                {
                    var bytes = AbiValues.ToBytes(type, value);
                    AbiWord.WriteUInt(output[..32], (ulong)bytes.Length);
                    bytes.CopyTo(output[32..]);
                    return 32 + Pad(bytes.Length);
                }
            case AbiTypeKind.String:
                {
                    var text = AbiValues.ToText(type, value);
                    var length = Encoding.UTF8.GetBytes(text, output[32..]);
                    AbiWord.WriteUInt(output[..32], (ulong)length);
                    return 32 + Pad(length);
                }
            case AbiTypeKind.DynamicArray:
                AbiWord.WriteUInt(output[..32], (ulong)AbiValues.ToList(type, value).Count);
                return 32 + WriteSequence(type, value, output[32..]);
            default:
                return WriteSequence(type, value, output);
        }
    }

    // Bytes a dynamic value takes behind its offset.
    private static int TailSize(AbiType type, object? value)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Bytes: return 32 + Pad(AbiValues.ToBytes(type, value).Length);
            case AbiTypeKind.String: return 32 + Pad(Encoding.UTF8.GetByteCount(AbiValues.ToText(type, value)));
        }
        var list = AbiValues.ToList(type, value);
        var size = type.Kind == AbiTypeKind.DynamicArray ? 32 : 0;
        for (var i = 0; i < list.Count; i++)
        {
            var component = ComponentType(type, i);
            try { size = checked(size + (component.IsDynamic ? 32 + TailSize(component, list[i]) : component.HeadSize)); }
            catch (EthereumException e) { throw new EthereumException($"{Where(type, i)}: {e.Message}", e); }
        }
        return size;
    }

    internal static AbiType ComponentType(AbiType type, int index) =>
        type.Kind == AbiTypeKind.Tuple ? type.Components[index] : type.Element!;

    internal static string Where(AbiType type, int index) =>
        type.Kind == AbiTypeKind.Tuple ? $"component {index} of {type}" : $"element {index} of {type}";

    internal static int Pad(int length) => (length + 31) & ~31;
}

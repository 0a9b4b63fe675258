using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.TypedData;

/// <summary>
/// Turns the loosely typed values of a typed-data message (CLR values or System.Text.Json elements) into the
/// 32-byte words EIP-712 hashes. Kept local to EIP-712: only the atomic types and the two dynamic ones occur.
/// </summary>
internal static class Eip712Values
{
    public static void WriteAtomic(string type, object? value, Span<byte> word, string path)
    {
        word.Clear();
        if (type == "address")
        {
            ToAddress(value, path).AsSpan().CopyTo(word[12..]);
        }
        else if (type == "bool")
        {
            word[31] = ToBool(value, path) ? (byte)1 : (byte)0;
        }
        else if (type.StartsWith("bytes", StringComparison.Ordinal))
        {
            var width = ParseWidth(type, 5, 1, 32, 1);
            var bytes = ToBytes(value, path);
            if (bytes.Length != width)
                throw new EthereumException($"{path}: {type} must be {width} bytes but is {bytes.Length}");
            bytes.CopyTo(word); // bytesN is left-aligned, zero-padded on the right
        }
        else if (type.StartsWith("uint", StringComparison.Ordinal) || type.StartsWith("int", StringComparison.Ordinal))
        {
            var signed = type[0] == 'i';
            var bits = ParseWidth(type, signed ? 3 : 4, 8, 256, 8);
            var number = ToInteger(value, path);
            var min = signed ? -(BigInteger.One << (bits - 1)) : BigInteger.Zero;
            var max = signed ? (BigInteger.One << (bits - 1)) - 1 : (BigInteger.One << bits) - 1;
            if (number < min || number > max)
                throw new EthereumException($"{path}: {type} must be in {min} .. {max} but is {number}");
            // Two's complement over 256 bits: negative values are sign-extended with 0xff.
            if (number.Sign < 0) word.Fill(0xff);
            var length = number.GetByteCount(isUnsigned: number.Sign >= 0);
            number.TryWriteBytes(word[(32 - length)..], out _, isUnsigned: number.Sign >= 0, isBigEndian: true);
        }
        else
        {
            throw new EthereumException($"{path}: unknown EIP-712 type '{type}'");
        }
    }

    public static bool IsAtomic(string type) =>
        type is "address" or "bool" || type.StartsWith("bytes", StringComparison.Ordinal) && type != "bytes"
        || type.StartsWith("uint", StringComparison.Ordinal) || type.StartsWith("int", StringComparison.Ordinal);

    private static int ParseWidth(string type, int prefixLength, int min, int max, int step)
    {
        var suffix = type.AsSpan(prefixLength);
        // No "uint"/"int" aliases: the type string is hashed into the type hash, so only canonical names agree
        // with what Solidity's EIP-712 code computes.
        if (!int.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            || width < min || width > max || width % step != 0 || suffix[0] == '0')
            throw new EthereumException($"Unknown EIP-712 type '{type}': the size must be {min} .. {max} in steps of {step}");
        return width;
    }

    public static string ToText(object? value, string path) => value switch
    {
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString()!,
        _ => throw Mismatch("a string", value, path),
    };

    public static byte[] ToBytes(object? value, string path) => value switch
    {
        byte[] b => b,
        ReadOnlyMemory<byte> m => m.ToArray(),
        Memory<byte> m => m.ToArray(),
        Hash32 h => h.ToArray(),
        string s => DecodeHex(s, path),
        JsonElement { ValueKind: JsonValueKind.String } e => DecodeHex(e.GetString()!, path),
        _ => throw Mismatch("bytes (byte[] or 0x-hex)", value, path),
    };

    private static byte[] DecodeHex(string text, string path)
    {
        if (!text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || !Hex.IsValid(text))
            throw new EthereumException($"{path}: bytes must be 0x-prefixed hex of even length but is '{Hex.Truncate(text)}'");
        return Hex.Decode(text);
    }

    private static Address ToAddress(object? value, string path) => value switch
    {
        Address a => a,
        string s => Address.Parse(s),
        byte[] { Length: 20 } b => new Address(b),
        JsonElement { ValueKind: JsonValueKind.String } e => Address.Parse(e.GetString()!),
        _ => throw Mismatch("an address", value, path),
    };

    private static bool ToBool(object? value, string path) => value switch
    {
        bool b => b,
        JsonElement { ValueKind: JsonValueKind.True } => true,
        JsonElement { ValueKind: JsonValueKind.False } => false,
        _ => throw Mismatch("a bool", value, path),
    };

    public static BigInteger ToInteger(object? value, string path) => value switch
    {
        BigInteger b => b,
        int or long or short or sbyte => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        uint or ulong or ushort or byte => Convert.ToUInt64(value, CultureInfo.InvariantCulture),
        string s => ParseInteger(s, path),
        JsonElement { ValueKind: JsonValueKind.Number } e => ParseInteger(e.GetRawText(), path),
        JsonElement { ValueKind: JsonValueKind.String } e => ParseInteger(e.GetString()!, path),
        _ => throw Mismatch("an integer", value, path),
    };

    private static BigInteger ParseInteger(string text, string path)
    {
        var negative = text.StartsWith('-');
        var digits = negative ? text[1..] : text;
        BigInteger magnitude;
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && digits.Length > 2 && digits[2..].All(char.IsAsciiHexDigit))
            magnitude = BigInteger.Parse("0" + digits[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        else if (digits.Length > 0 && digits.All(char.IsAsciiDigit))
            magnitude = BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        else
            throw new EthereumException($"{path}: an integer must be decimal or 0x-hex but is '{Hex.Truncate(text)}'");
        return negative ? -magnitude : magnitude;
    }

    /// <summary>The elements of an array value.</summary>
    public static IReadOnlyList<object?> ToList(object? value, string path) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } e => e.EnumerateArray().Select(x => (object?)x).ToArray(),
        string or byte[] => throw Mismatch("an array", value, path),
        IEnumerable items => items.Cast<object?>().ToArray(),
        _ => throw Mismatch("an array", value, path),
    };

    /// <summary>The member <paramref name="name"/> of a struct value.</summary>
    public static object? Member(object? value, string name, string path)
    {
        switch (value)
        {
            case JsonElement { ValueKind: JsonValueKind.Object } e:
                return e.TryGetProperty(name, out var member) ? member
                    : throw new EthereumException($"{path}: the struct value has no field '{name}'");
            case IReadOnlyDictionary<string, object?> d:
                return d.TryGetValue(name, out var v) ? v
                    : throw new EthereumException($"{path}: the struct value has no field '{name}'");
            case IDictionary d:
                return d.Contains(name) ? d[name]
                    : throw new EthereumException($"{path}: the struct value has no field '{name}'");
            default:
                throw Mismatch("a struct (dictionary or JSON object)", value, path);
        }
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static EthereumException Mismatch(string expected, object? value, string path) =>
        new($"{path}: expected {expected} but found {Describe(value)}");

    private static string Describe(object? value) => value switch
    {
        null => "null",
        JsonElement e => $"JSON {e.ValueKind.ToString().ToLowerInvariant()}",
        _ => value.GetType().Name,
    };
}

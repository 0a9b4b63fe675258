using System.Globalization;
using System.Numerics;

namespace OpenLedger.Ethereum.Rpc;

/// <summary>
/// JSON-RPC quantities: 0x-prefixed hex without leading zeros, zero written as <c>0x0</c>. Parsing is strict
/// (no missing prefix, no leading zeros, no empty digits) because a node that sends those is broken or not a node.
/// </summary>
public static class HexQuantity
{
    public static string Encode(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    public static string Encode(BigInteger value)
    {
        if (value.Sign < 0) throw new EthereumException($"A quantity must not be negative but is {value}");
        if (value.IsZero) return "0x0";
        var hex = value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');
        return "0x" + hex;
    }

    public static BigInteger Parse(string? text, string what = "quantity")
    {
        var digits = Digits(text, what);
        if (digits.Length <= 15) return ulong.Parse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        // A leading 0 keeps BigInteger from reading the top bit as a sign.
        return BigInteger.Parse("0" + digits.ToString(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    public static ulong ParseUInt64(string? text, string what = "quantity")
    {
        var digits = Digits(text, what);
        if (digits.Length > 16) throw new EthereumException($"{what} {text} does not fit 64 bits");
        return ulong.Parse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    private static ReadOnlySpan<char> Digits(string? text, string what)
    {
        if (text is null) throw new EthereumException($"{what} must be a hex quantity but is null");
        if (!text.StartsWith("0x", StringComparison.Ordinal) || text.Length == 2)
            throw new EthereumException($"{what} must be 0x followed by hex digits but is '{Primitives.Hex.Truncate(text)}'");
        var digits = text.AsSpan(2);
        foreach (var c in digits)
            if (Primitives.Hex.Nibble(c) < 0)
                throw new EthereumException($"{what} has a non-hex character '{c}': '{Primitives.Hex.Truncate(text)}'");
        if (digits.Length > 1 && digits[0] == '0')
            throw new EthereumException($"{what} must not have leading zeros but is '{Primitives.Hex.Truncate(text)}'");
        if (digits.Length > 64) throw new EthereumException($"{what} is longer than 256 bits: '{Primitives.Hex.Truncate(text)}'");
        return digits;
    }
}

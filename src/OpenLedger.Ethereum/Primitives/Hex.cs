namespace OpenLedger.Ethereum.Primitives;

/// <summary>Hex encoding as Ethereum writes it: lower case, with a 0x prefix.</summary>
public static class Hex
{
    /// <summary>Encodes bytes as 0x-prefixed lower-case hex.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes, bool prefix = true)
    {
        var hex = Convert.ToHexStringLower(bytes);
        return prefix ? "0x" + hex : hex;
    }

    /// <summary>
    /// Decodes hex with or without a 0x prefix. Odd length or a non-hex character is rejected:
    /// silently padding would turn a typo into a different value.
    /// </summary>
    public static byte[] Decode(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digits = Strip(hex);
        if (digits.Length % 2 != 0)
            throw new EthereumException($"Hex string must have an even number of digits but has {digits.Length}: '{Truncate(hex)}'");
        var bytes = new byte[digits.Length / 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            var hi = Nibble(digits[2 * i]);
            var lo = Nibble(digits[2 * i + 1]);
            if ((hi | lo) < 0)
                throw new EthereumException($"Hex string has a non-hex character at position {2 * i + (hi < 0 ? 0 : 1)}: '{Truncate(hex)}'");
            bytes[i] = (byte)(hi << 4 | lo);
        }
        return bytes;
    }

    /// <summary>Decodes hex that must be exactly <paramref name="length"/> bytes long.</summary>
    public static byte[] Decode(string hex, int length, string what)
    {
        var bytes = Decode(hex);
        if (bytes.Length != length)
            throw new EthereumException($"{what} must be {length} bytes but is {bytes.Length}: '{Truncate(hex)}'");
        return bytes;
    }

    /// <summary>True when the text is 0x-prefixed or bare hex of even length.</summary>
    public static bool IsValid(string? hex)
    {
        if (hex is null) return false;
        var digits = Strip(hex);
        if (digits.Length % 2 != 0) return false;
        foreach (var c in digits)
            if (Nibble(c) < 0) return false;
        return true;
    }

    internal static ReadOnlySpan<char> Strip(string hex) =>
        hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex.AsSpan(2) : hex.AsSpan();

    internal static int Nibble(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    internal static string Truncate(string s) => s.Length <= 80 ? s : s[..77] + "...";
}

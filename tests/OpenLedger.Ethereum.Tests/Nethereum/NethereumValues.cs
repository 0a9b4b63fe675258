using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Tests.Nethereum;

/// <summary>Nethereum's text forms back into ours: it writes addresses with or without 0x and in any case.</summary>
internal static class NethereumValues
{
    public static Address Address(string text) =>
        new(Hex.Decode(text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text : "0x" + text, 20, "A Nethereum address"));

    /// <summary>Nethereum gives r and s as minimal big-endian bytes (a leading zero byte dropped): back to 32 bytes.</summary>
    public static Hash32 Word(byte[] bytes)
    {
        if (bytes.Length > 32) throw new InvalidOperationException($"{bytes.Length} bytes do not fit a 32-byte word");
        var word = new byte[32];
        bytes.CopyTo(word, 32 - bytes.Length);
        return new Hash32(word);
    }
}

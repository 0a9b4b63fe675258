using System.Security.Cryptography;
using System.Text;

namespace OpenLedger.Ethereum.Accounts;

/// <summary>
/// A BIP-39 mnemonic (English): 12 to 24 words encoding 128 to 256 bits of entropy plus a SHA-256 checksum.
/// </summary>
public sealed class Mnemonic
{
    private readonly byte[] _entropy;

    private Mnemonic(byte[] entropy, string phrase)
    {
        _entropy = entropy;
        Phrase = phrase;
    }

    /// <summary>The words separated by single spaces.</summary>
    public string Phrase { get; }

    public ReadOnlySpan<byte> Entropy => _entropy;

    /// <summary>Encodes 16, 20, 24, 28 or 32 bytes of entropy as 12 .. 24 words.</summary>
    public static Mnemonic FromEntropy(ReadOnlySpan<byte> entropy)
    {
        if (entropy.Length is < 16 or > 32 || entropy.Length % 4 != 0)
            throw new EthereumException($"BIP-39 entropy must be 16, 20, 24, 28 or 32 bytes but is {entropy.Length}");
        var checksumBits = entropy.Length / 4;
        var bits = new byte[entropy.Length + 1];
        entropy.CopyTo(bits);
        bits[^1] = SHA256.HashData(entropy)[0];
        var wordCount = (entropy.Length * 8 + checksumBits) / 11;
        var words = new string[wordCount];
        for (var w = 0; w < wordCount; w++)
        {
            var index = 0;
            for (var b = 0; b < 11; b++) index = index << 1 | Bit(bits, w * 11 + b);
            words[w] = Bip39Wordlist.Words[index];
        }
        return new Mnemonic(entropy.ToArray(), string.Join(' ', words));
    }

    /// <summary>A new random mnemonic of <paramref name="wordCount"/> words.</summary>
    public static Mnemonic Generate(int wordCount = 12)
    {
        if (wordCount is < 12 or > 24 || wordCount % 3 != 0)
            throw new EthereumException($"A BIP-39 mnemonic has 12, 15, 18, 21 or 24 words, not {wordCount}");
        return FromEntropy(RandomNumberGenerator.GetBytes(wordCount * 4 / 3));
    }

    /// <summary>Parses and validates a phrase: known words, a valid length, a matching checksum.</summary>
    public static Mnemonic Parse(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var words = UnicodeNormalization.Nfkd(phrase, "mnemonic").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 12 or > 24 || words.Length % 3 != 0)
            throw new EthereumException($"A BIP-39 mnemonic must have 12, 15, 18, 21 or 24 words but has {words.Length}");
        var totalBits = words.Length * 11;
        var checksumBits = totalBits / 33;
        var bits = new byte[(totalBits + 7) / 8];
        for (var w = 0; w < words.Length; w++)
        {
            if (!Bip39Wordlist.TryGetIndex(words[w].ToLowerInvariant(), out var index))
                throw new EthereumException($"Word {w + 1} '{words[w]}' is not in the BIP-39 English wordlist");
            for (var b = 0; b < 11; b++)
                if ((index >> (10 - b) & 1) != 0) bits[(w * 11 + b) / 8] |= (byte)(0x80 >> ((w * 11 + b) % 8));
        }
        var entropy = bits.AsSpan(0, (totalBits - checksumBits) / 8).ToArray();
        var expected = SHA256.HashData(entropy)[0] >> (8 - checksumBits);
        var found = (bits[entropy.Length] >> (8 - checksumBits)) & ((1 << checksumBits) - 1);
        if (expected != found)
            throw new EthereumException($"The mnemonic's checksum is invalid: expected {expected:x} in the last word but found {found:x}");
        return FromEntropy(entropy);
    }

    public static bool IsValid(string phrase)
    {
        try
        {
            Parse(phrase);
            return true;
        }
        catch (EthereumException)
        {
            return false;
        }
    }

    /// <summary>
    /// The 64-byte BIP-39 seed: PBKDF2-HMAC-SHA512 over the NFKD phrase, salt "mnemonic" + NFKD passphrase,
    /// 2048 rounds.
    /// </summary>
    public byte[] ToSeed(string passphrase = "")
    {
        var password = Encoding.UTF8.GetBytes(Phrase); // English words are ASCII, already NFKD
        var salt = Encoding.UTF8.GetBytes("mnemonic" + UnicodeNormalization.Nfkd(passphrase, "passphrase"));
        return Rfc2898DeriveBytes.Pbkdf2(password, salt, 2048, HashAlgorithmName.SHA512, 64);
    }

    public override string ToString() => Phrase;

    private static int Bit(byte[] bytes, int index) => bytes[index / 8] >> (7 - index % 8) & 1;
}

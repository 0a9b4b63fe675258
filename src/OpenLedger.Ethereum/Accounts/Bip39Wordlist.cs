using System.Security.Cryptography;

namespace OpenLedger.Ethereum.Accounts;

/// <summary>
/// The standard BIP-39 English wordlist. A changed list would silently turn every written-down phrase into a
/// different key, so the embedded file is pinned by the SHA-256 that BIP-39 implementations publish.
/// </summary>
internal static class Bip39Wordlist
{
    public const string Sha256 = "2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda";

    private static readonly Lazy<(string[] Words, Dictionary<string, int> Index)> List = new(Load);

    public static IReadOnlyList<string> Words => List.Value.Words;

    public static bool TryGetIndex(string word, out int index) => List.Value.Index.TryGetValue(word, out index);

    private static (string[], Dictionary<string, int>) Load()
    {
        using var stream = typeof(Bip39Wordlist).Assembly.GetManifestResourceStream("OpenLedger.Ethereum.bip39-english.txt")
                           ?? throw new EthereumException("The embedded BIP-39 English wordlist is missing");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var bytes = memory.ToArray();
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (hash != Sha256)
            throw new EthereumException($"The embedded BIP-39 wordlist has SHA-256 {hash} but the standard list has {Sha256}");
        var words = System.Text.Encoding.ASCII.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var index = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++) index[words[i]] = i;
        return (words, index);
    }
}

using System.Globalization;

namespace OpenLedger.Ethereum.Accounts;

/// <summary>A BIP-32 derivation path such as m/44'/60'/0'/0/0; hardened indices carry the 2^31 bit.</summary>
public sealed record KeyPath
{
    public const uint HardenedBit = 0x80000000;

    private KeyPath(uint[] indices) => Indices = indices;

    public IReadOnlyList<uint> Indices { get; }

    /// <summary>The BIP-44 Ethereum path m/44'/60'/0'/0/<paramref name="index"/>.</summary>
    public static KeyPath Ethereum(uint index) => Parse($"m/44'/60'/0'/0/{index}");

    /// <summary>Parses "m" followed by "/n" or "/n'" (also "/nh") components, each n below 2^31.</summary>
    public static KeyPath Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var parts = path.Split('/');
        if (parts[0] != "m")
            throw new EthereumException($"A derivation path must start with 'm' but is '{path}'");
        var indices = new uint[parts.Length - 1];
        for (var i = 1; i < parts.Length; i++)
        {
            var part = parts[i];
            var hardened = part.EndsWith('\'') || part.EndsWith('h') || part.EndsWith('H');
            var digits = hardened ? part[..^1] : part;
            if (digits.Length == 0 || (digits.Length > 1 && digits[0] == '0')
                || !uint.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= HardenedBit)
                throw new EthereumException(
                    $"Derivation path component {i} must be a number below 2^31, optionally followed by ', but is '{part}' in '{path}'");
            indices[i - 1] = hardened ? index | HardenedBit : index;
        }
        return new KeyPath(indices);
    }

    public bool Equals(KeyPath? other) => other is not null && Indices.SequenceEqual(other.Indices);

    public override int GetHashCode() => Indices.Aggregate(17, (hash, index) => hash * 31 + (int)index);

    public override string ToString() =>
        string.Concat(new[] { "m" }.Concat(Indices.Select(i => i >= HardenedBit ? $"/{i - HardenedBit}'" : $"/{i}")));
}

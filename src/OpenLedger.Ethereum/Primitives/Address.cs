namespace OpenLedger.Ethereum.Primitives;

/// <summary>A 20-byte account address, printed with its EIP-55 checksum.</summary>
public readonly struct Address : IEquatable<Address>, IComparable<Address>
{
    // Immutable once built; default(T) has no array and reads as all zeros.
    private static readonly byte[] ZeroBytes = new byte[20];
    private readonly byte[]? _bytes;

    public const int Length = 20;

    public static Address Zero => default;

    public Address(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
            throw new EthereumException($"An address must be 20 bytes but is {bytes.Length}");
        _bytes = bytes.ToArray();
    }

    /// <summary>
    /// Parses a 0x-prefixed 40-digit address. All-lower or all-upper case is accepted as is; mixed case must
    /// carry a valid EIP-55 checksum, because a mixed-case typo is exactly what the checksum exists to catch.
    /// </summary>
    public static Address Parse(string text)
    {
        if (!TryParse(text, out var address, out var error))
            throw new EthereumException(error);
        return address;
    }

    public static bool TryParse(string? text, out Address address) => TryParse(text, out address, out _);

    private static bool TryParse(string? text, out Address address, out string error)
    {
        address = default;
        if (text is null) { error = "An address is required but none was given"; return false; }
        if (!text.StartsWith("0x", StringComparison.Ordinal) || text.Length != 42)
        {
            error = $"An address must be 0x followed by 40 hex digits but is '{Hex.Truncate(text)}'";
            return false;
        }
        if (!Hex.IsValid(text)) { error = $"An address must be hex but is '{Hex.Truncate(text)}'"; return false; }
        var candidate = new Address(Hex.Decode(text));
        var digits = text.AsSpan(2);
        bool hasLower = false, hasUpper = false;
        foreach (var c in digits)
        {
            if (c is >= 'a' and <= 'f') hasLower = true;
            else if (c is >= 'A' and <= 'F') hasUpper = true;
        }
        if (hasLower && hasUpper && candidate.ToChecksumString() != text)
        {
            error = $"Address '{text}' has mixed case but an invalid EIP-55 checksum (expected {candidate.ToChecksumString()})";
            return false;
        }
        address = candidate;
        error = "";
        return true;
    }

    public ReadOnlySpan<byte> AsSpan() => _bytes ?? ZeroBytes;

    public byte[] ToArray() => AsSpan().ToArray();

    /// <summary>EIP-55: a hex letter is upper case where the matching nibble of keccak(lower-hex) is ≥ 8.</summary>
    public string ToChecksumString()
    {
        var lower = Hex.Encode(AsSpan(), prefix: false);
        var hash = Keccak.Hash(System.Text.Encoding.ASCII.GetBytes(lower)).AsSpan();
        Span<char> result = stackalloc char[42];
        result[0] = '0';
        result[1] = 'x';
        for (var i = 0; i < 40; i++)
        {
            var nibble = (i % 2 == 0 ? hash[i / 2] >> 4 : hash[i / 2]) & 0xF;
            result[i + 2] = nibble >= 8 ? char.ToUpperInvariant(lower[i]) : lower[i];
        }
        return new string(result);
    }

    public bool Equals(Address other) => AsSpan().SequenceEqual(other.AsSpan());

    public override bool Equals(object? obj) => obj is Address other && Equals(other);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.AddBytes(AsSpan());
        return h.ToHashCode();
    }

    public int CompareTo(Address other) => AsSpan().SequenceCompareTo(other.AsSpan());

    public static bool operator ==(Address a, Address b) => a.Equals(b);

    public static bool operator !=(Address a, Address b) => !a.Equals(b);

    public override string ToString() => ToChecksumString();
}

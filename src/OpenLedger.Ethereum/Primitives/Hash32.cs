namespace OpenLedger.Ethereum.Primitives;

/// <summary>A 32-byte value: a Keccak hash, a block or transaction hash, a topic, a storage word.</summary>
public readonly struct Hash32 : IEquatable<Hash32>
{
    // Immutable once built; default(T) has no array and reads as all zeros.
    private static readonly byte[] ZeroBytes = new byte[32];
    private readonly byte[]? _bytes;

    public const int Length = 32;

    public static Hash32 Zero => default;

    public Hash32(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
            throw new EthereumException($"A 32-byte hash must be 32 bytes but is {bytes.Length}");
        _bytes = bytes.ToArray();
    }

    /// <summary>Parses 0x-prefixed (or bare) hex of exactly 32 bytes.</summary>
    public static Hash32 Parse(string hex) => new(Hex.Decode(hex, Length, "A 32-byte hash"));

    public static bool TryParse(string? hex, out Hash32 hash)
    {
        hash = default;
        if (hex is null || !Hex.IsValid(hex) || Hex.Strip(hex).Length != 2 * Length) return false;
        hash = Parse(hex);
        return true;
    }

    public ReadOnlySpan<byte> AsSpan() => _bytes ?? ZeroBytes;

    public byte[] ToArray() => AsSpan().ToArray();

    public bool Equals(Hash32 other) => AsSpan().SequenceEqual(other.AsSpan());

    public override bool Equals(object? obj) => obj is Hash32 other && Equals(other);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.AddBytes(AsSpan());
        return h.ToHashCode();
    }

    public static bool operator ==(Hash32 a, Hash32 b) => a.Equals(b);

    public static bool operator !=(Hash32 a, Hash32 b) => !a.Equals(b);

    /// <summary>0x-prefixed lower-case hex.</summary>
    public override string ToString() => Hex.Encode(AsSpan());
}

using Org.BouncyCastle.Crypto.Digests;

namespace OpenLedger.Ethereum.Primitives;

/// <summary>Keccak-256 as Ethereum uses it (the original Keccak padding, not NIST SHA3-256).</summary>
public static class Keccak
{
    [ThreadStatic] private static KeccakDigest? t_digest;

    /// <summary>Keccak-256 of <paramref name="data"/>.</summary>
    public static Hash32 Hash(ReadOnlySpan<byte> data)
    {
        Span<byte> output = stackalloc byte[32];
        Hash(data, output);
        return new Hash32(output);
    }

    /// <summary>Keccak-256 of <paramref name="data"/> written into <paramref name="output"/> (32 bytes).</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> output)
    {
        if (output.Length < 32)
            throw new EthereumException($"Keccak-256 output buffer must be 32 bytes but is {output.Length}");
        // One digest per thread, reused: DoFinal resets it, and a new one costs 488 bytes and its initialisation per
        // hash (the indexer hashes one contribution id per registration).
        var digest = t_digest ??= new KeccakDigest(256);
        digest.BlockUpdate(data);
        digest.DoFinal(output);
    }

    /// <summary>Keccak-256 of the UTF-8 bytes of <paramref name="text"/> (event and function signatures).</summary>
    public static Hash32 Hash(string text) => Hash(System.Text.Encoding.UTF8.GetBytes(text));
}

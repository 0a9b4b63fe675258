using Org.BouncyCastle.Crypto.Digests;

namespace OpenLedger.Attribution.Merkle;

/// <summary>
/// Keccak-256 with one reusable digest: the Merkle tree hashes hundreds of thousands of 32–96 byte inputs, and a
/// fresh digest per hash (what <see cref="Ethereum.Primitives.Keccak"/> does) dominates the cost. Not thread-safe:
/// one instance per thread.
/// </summary>
internal sealed class KeccakHasher
{
    private readonly KeccakDigest _digest = new(256);

    /// <summary>Writes keccak256(<paramref name="data"/>) into the first 32 bytes of <paramref name="output"/>.</summary>
    public void Hash(ReadOnlySpan<byte> data, Span<byte> output)
    {
        _digest.BlockUpdate(data);
        _digest.DoFinal(output);
    }

    /// <summary>OpenZeppelin's commutative pair hash: keccak256 of the two 32-byte nodes in ascending order.</summary>
    public void HashPair(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, Span<byte> output)
    {
        Span<byte> buffer = stackalloc byte[64];
        var aFirst = a.SequenceCompareTo(b) <= 0;
        (aFirst ? a : b).CopyTo(buffer);
        (aFirst ? b : a).CopyTo(buffer[32..]);
        Hash(buffer, output);
    }
}

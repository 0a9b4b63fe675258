using System.Buffers.Binary;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Indexer.Decoding;

/// <summary>ContributionRegistry.contributionId: keccak256(abi.encode(uint256 modelId, bytes32 contentHash)).</summary>
public static class ContributionIds
{
    public static Hash32 Of(long modelId, Hash32 contentHash)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(modelId);
        Span<byte> modelWord = stackalloc byte[32];
        BinaryPrimitives.WriteInt64BigEndian(modelWord[24..], modelId);
        Span<byte> id = stackalloc byte[32];
        Of(modelWord, contentHash.AsSpan(), id);
        return new Hash32(id);
    }

    /// <summary>The same from the model id as its 32-byte ABI word (a log topic carries it so), written into <paramref name="id"/>.</summary>
    internal static void Of(ReadOnlySpan<byte> modelWord, ReadOnlySpan<byte> contentHash, Span<byte> id)
    {
        Span<byte> input = stackalloc byte[64];
        modelWord.CopyTo(input);
        contentHash.CopyTo(input[32..]);
        Keccak.Hash(input, id);
    }
}

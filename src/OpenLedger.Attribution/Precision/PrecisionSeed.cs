using System.Buffers.Binary;
using System.Numerics;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Attribution.Precision;

/// <summary>
/// The seed a report's precision subsets are drawn from: the top 53 bits of
/// <c>keccak256(abi.encode(uint256 modelId, uint256 epoch, bytes32 testSetHash, bytes32 commitmentBlockHash))</c>,
/// where <c>commitmentBlockHash</c> is the hash of the block that holds the model owner's evaluation commitment for the
/// epoch (<c>RewardDistributor.commitEvaluationSet</c>). The sampling seed (<see cref="Sampling.SamplingSeed"/>) alone
/// would let an owner who reports for their own model grind the test set (add or drop a row, rehash) until the subsets
/// flatter the attribution before committing it; the block hash is unknown when the commitment is signed, so once the
/// commitment is mined the subsets are fixed and nobody who only sends transactions could have chosen them. The node
/// checks the block hash against its index (the commitment's block), the parser checks the seed and the subsets.
/// </summary>
public static class PrecisionSeed
{
    public const int Bits = 53;

    public static ulong Derive(BigInteger modelId, ulong epoch, Hash32 testSetHash, Hash32 commitmentBlockHash)
    {
        if (modelId.Sign < 0 || modelId.GetByteCount(isUnsigned: true) > 32)
            throw new AttributionException($"A model id must be a uint256 but is {modelId}");
        Span<byte> encoded = stackalloc byte[128];
        encoded.Clear();
        var length = modelId.GetByteCount(isUnsigned: true);
        modelId.TryWriteBytes(encoded.Slice(32 - length, length), out _, isUnsigned: true, isBigEndian: true);
        BinaryPrimitives.WriteUInt64BigEndian(encoded.Slice(56, 8), epoch);
        testSetHash.AsSpan().CopyTo(encoded.Slice(64, 32));
        commitmentBlockHash.AsSpan().CopyTo(encoded[96..]);
        var hash = Keccak.Hash(encoded);
        return BinaryPrimitives.ReadUInt64BigEndian(hash.AsSpan()) >> (64 - Bits);
    }
}

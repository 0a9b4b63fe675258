using System.Buffers.Binary;
using System.Numerics;
using OpenLedger.Attribution.Reports;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Attribution.Sampling;

/// <summary>
/// The seed sampled evidence (tmc-shapley permutations, banzhaf coalitions) must be drawn from, derived from the report
/// itself so the reporter cannot choose it: the top 53 bits of
/// <c>keccak256(abi.encode(uint256 modelId, uint256 epoch, bytes32 testSetHash))</c>. The evaluation set is committed
/// before the epoch's contributions close, so by the time the utilities can be measured, the seed is fixed; trying
/// seeds until one favours a contributor (cherry-picking) produces evidence the parser refuses. 53 bits, so the seed
/// is an exact JSON number in every reader (JavaScript's included).
/// </summary>
public static class SamplingSeed
{
    public const int Bits = 53;

    public static ulong Derive(BigInteger modelId, ulong epoch, Hash32 testSetHash)
    {
        if (modelId.Sign < 0 || modelId.GetByteCount(isUnsigned: true) > 32)
            throw new AttributionException($"A model id must be a uint256 but is {modelId}");
        Span<byte> encoded = stackalloc byte[96];
        encoded.Clear();
        var length = modelId.GetByteCount(isUnsigned: true);
        modelId.TryWriteBytes(encoded.Slice(32 - length, length), out _, isUnsigned: true, isBigEndian: true);
        BinaryPrimitives.WriteUInt64BigEndian(encoded.Slice(56, 8), epoch);
        testSetHash.AsSpan().CopyTo(encoded[64..]);
        var hash = Keccak.Hash(encoded);
        return BinaryPrimitives.ReadUInt64BigEndian(hash.AsSpan()) >> (64 - Bits);
    }

    /// <summary>
    /// Records a problem at <c>attribution.parameters.seed</c> when the report's sampled evidence was not drawn from the
    /// seed the report derives. Called by the parser once the report's identity and evaluation are read.
    /// </summary>
    public static void Check(AttributionEvidence evidence, BigInteger modelId, ulong epoch, Evaluation evaluation, JsonFieldReader reader)
    {
        if (evidence is not ISeededEvidence seeded) return;
        var expected = Derive(modelId, epoch, evaluation.TestSetHash);
        if (seeded.Seed != expected)
            reader.Fail("attribution.parameters.seed", $"must be {expected}, the seed derived from modelId, epoch and evaluation.testSetHash " +
                $"(top {Bits} bits of keccak256(abi.encode(modelId, epoch, testSetHash))), but is {seeded.Seed}");
    }
}

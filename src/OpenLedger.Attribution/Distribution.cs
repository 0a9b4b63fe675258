using System.Numerics;
using OpenLedger.Attribution.Precision;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Attribution;

/// <summary>
/// An epoch's reward distribution: who can claim how much OPEN and how many shares, the root of the
/// <see cref="Rewards.ClaimTree"/> the reporter posts (null when nothing is allocated), and the reasoning (values,
/// flag candidates, excluded duplicates). A pure function of the report.
/// <see cref="TotalOpen"/>/<see cref="TotalShares"/> are what the allocations add up to: the budget, or less when
/// a cap or the lack of positive values leaves part of it undistributed. <see cref="Precision"/> is the report's
/// linear datamodeling score, recomputed from these values, when the report measured it.
/// </summary>
public sealed record Distribution(
    BigInteger ModelId,
    ulong Epoch,
    string Method,
    IReadOnlyList<string> LeafTypes,
    Hash32? MerkleRoot,
    BigInteger BudgetOpen,
    BigInteger BudgetShares,
    BigInteger TotalOpen,
    BigInteger TotalShares,
    IReadOnlyList<Allocation> Allocations,
    IReadOnlyList<ContributionValue> Contributions,
    IReadOnlyList<FlagCandidate> FlagCandidates,
    IReadOnlyList<ExcludedDuplicate> ExcludedDuplicates,
    PrecisionSummary? Precision = null)
{
    /// <summary>keccak256 of <see cref="DistributionJson.ToCanonicalJson"/>: the content address the node stores it under.</summary>
    public Hash32 ContentHash() => Keccak.Hash(DistributionJson.ToCanonicalJson(this));
}

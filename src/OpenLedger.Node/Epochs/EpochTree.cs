using System.Numerics;
using OpenLedger.Attribution;
using OpenLedger.Attribution.Merkle;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Node.Epochs;

/// <summary>
/// The tree RewardDistributor verifies, built from a distribution's allocations. Its leaves are
/// (uint256 index, address account, uint256 openAmount, uint256 shareAmount) as contracts/interfaces/IRewardDistributor.sol
/// documents — the index is what the claimed bitmap is keyed by, so the library's 3-field tree cannot be posted as is.
/// Index i is the i-th allocation, i.e. accounts in ascending address order.
/// </summary>
public sealed record EpochTree(Hash32 Root, BigInteger TotalOpen, BigInteger TotalShares, IReadOnlyList<EpochLeaf> Leaves)
{
    public static readonly IReadOnlyList<string> LeafTypes = ["uint256", "address", "uint256", "uint256"];

    /// <summary>The tree of <paramref name="distribution"/>, or null when it allocates nothing (no tree, nothing to post).</summary>
    public static EpochTree? Of(Distribution distribution)
    {
        var allocations = distribution.Allocations;
        if (allocations.Count == 0) return null;
        var rows = allocations.Select((a, i) => (IReadOnlyList<object>)[new BigInteger(i), a.Account, a.Open, a.Shares]).ToArray();
        var tree = StandardMerkleTree.Of(rows, LeafTypes);
        var proofs = tree.GetAllProofs();
        var leaves = allocations.Select((a, i) => new EpochLeaf(i, a.Account, a.Open, a.Shares, proofs[i])).ToArray();
        return new EpochTree(tree.Root, distribution.TotalOpen, distribution.TotalShares, leaves);
    }
}

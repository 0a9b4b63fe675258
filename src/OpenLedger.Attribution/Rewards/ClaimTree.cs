using System.Numerics;
using OpenLedger.Attribution.Merkle;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Attribution.Rewards;

/// <summary>
/// The tree RewardDistributor verifies (contracts/interfaces/IRewardDistributor.sol): one leaf per claim,
/// <c>(uint256 index, address account, uint256 openAmount, uint256 shareAmount)</c>, hashed and laid out as
/// OpenZeppelin's StandardMerkleTree. The index is what the contract's claimed bitmap is keyed by, so it is fixed
/// by the claim's position, and positions follow ascending account address.
/// </summary>
public static class ClaimTree
{
    public static readonly IReadOnlyList<string> LeafTypes = ["uint256", "address", "uint256", "uint256"];

    /// <summary>
    /// The tree of <paramref name="claims"/>, leaf i being claim i; accounts must be in strictly ascending address
    /// order so that every report yields one tree.
    /// </summary>
    public static StandardMerkleTree Of(IReadOnlyList<(Address Account, BigInteger Open, BigInteger Shares)> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        for (var i = 1; i < claims.Count; i++)
        {
            if (claims[i - 1].Account.CompareTo(claims[i].Account) >= 0)
                throw new AttributionException(
                    $"Claim {i} must have an account above claim {i - 1}'s ({claims[i - 1].Account}) since claims are in strictly ascending address order, but has {claims[i].Account}");
        }
        var rows = new IReadOnlyList<object>[claims.Count];
        for (var i = 0; i < rows.Length; i++) rows[i] = [new BigInteger(i), claims[i].Account, claims[i].Open, claims[i].Shares];
        return StandardMerkleTree.Of(rows, LeafTypes);
    }

    /// <summary>The leaf hash the contract recomputes in claim(index, account, openAmount, shareAmount, proof).</summary>
    public static Hash32 Leaf(int index, Address account, BigInteger open, BigInteger shares) =>
        StandardMerkleTree.HashLeaf([new BigInteger(index), account, open, shares], LeafTypes);
}

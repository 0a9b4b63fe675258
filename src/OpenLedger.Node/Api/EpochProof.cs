namespace OpenLedger.Node.Api;

/// <summary>What an account passes to RewardDistributor.claim: its leaf and the Merkle proof, plus whether it already claimed.</summary>
public sealed record EpochProof(
    long ModelId, long Epoch, string Account, long LeafIndex, string OpenAmount, string ShareAmount,
    IReadOnlyList<string> Proof, string Root, bool RootMatchesPosted, bool Claimed);

namespace OpenLedger.Node.Distributions;

/// <summary>
/// One leaf (index, account, OPEN amount, share amount), encoded like OpenZeppelin's StandardMerkleTree, and the
/// sibling hashes that prove it against the root. Account is 0x lower-case; amounts decimal text.
/// </summary>
public sealed record DistributionLeaf(long Index, string Account, string OpenAmount, string ShareAmount, IReadOnlyList<string> Proof);

namespace OpenLedger.Node.Distributions;

/// <summary>A distribution as built by the node: its Merkle root and every leaf with its proof.</summary>
public sealed record EpochDistribution(long ModelId, long Epoch, string Root, IReadOnlyList<DistributionLeaf> Leaves);

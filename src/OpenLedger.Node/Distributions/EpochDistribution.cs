namespace OpenLedger.Node.Distributions;

/// <summary>
/// A distribution as built by the node: its Merkle root and every leaf with its proof, and the precision of the
/// attribution behind it (null when the report did not measure it).
/// </summary>
public sealed record EpochDistribution(long ModelId, long Epoch, string Root, IReadOnlyList<DistributionLeaf> Leaves, PrecisionResponse? Precision = null);

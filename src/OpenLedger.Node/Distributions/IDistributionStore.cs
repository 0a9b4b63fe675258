namespace OpenLedger.Node.Distributions;

/// <summary>
/// The reward distributions this node built (allocations and Merkle tree per model epoch). Filled by the epoch
/// submitter; until one is registered the proof routes answer 404 saying the node has no distribution.
/// </summary>
public interface IDistributionStore
{
    /// <summary>The distribution of <paramref name="modelId"/> epoch <paramref name="epoch"/>, or null when this node has none.</summary>
    Task<EpochDistribution?> TryGetAsync(long modelId, long epoch, CancellationToken cancellationToken);
}

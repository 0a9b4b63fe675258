using OpenLedger.Attribution.Reports;

namespace OpenLedger.Training.Datasets;

/// <summary>
/// A contributor's shard as registered on chain: the registration (id, wallet, content hash, block, log index,
/// status) and the rows of the file whose keccak-256 is that content hash.
/// </summary>
public sealed record ContributedShard(ContributionEntry Contribution, LabelledDataset Rows);

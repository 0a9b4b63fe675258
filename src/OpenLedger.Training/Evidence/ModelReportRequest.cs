using System.Numerics;
using OpenLedger.Attribution.Reports;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Training.Datasets;

namespace OpenLedger.Training.Evidence;

/// <summary>
/// Everything <see cref="ModelReportBuilder"/> needs: the model and epoch, the held-out test split and the registered
/// shards (raw features), the model class (<c>logreg</c>, <c>fasttree</c>), the method (a retraining method or
/// <c>influence</c>), the retraining budget and parallelism, and the epoch's rewards. With
/// <paramref name="CommitmentBlockHash"/> (the block holding the epoch's evaluation commitment) the report carries a
/// precision section: the model class retrained on <paramref name="PrecisionSubsets"/> subsets that hash draws.
/// </summary>
public sealed record ModelReportRequest(
    BigInteger ModelId,
    ulong Epoch,
    LabelledDataset Test,
    IReadOnlyList<ContributedShard> Shards,
    string ModelClass,
    string Method,
    RetrainingOptions Options,
    RewardBudget Rewards,
    BigInteger? RewardPool = null,
    Hash32? CommitmentBlockHash = null,
    int PrecisionSubsets = PrecisionSection.MinimumSubsets);

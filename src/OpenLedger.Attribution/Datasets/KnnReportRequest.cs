using System.Numerics;
using OpenLedger.Attribution.Reports;

namespace OpenLedger.Attribution.Datasets;

/// <summary>
/// Everything <see cref="KnnReportBuilder"/> needs: the model and epoch, the held-out test split (raw features),
/// the registered shards (raw features), K of the k-NN model and of KNN-Shapley, and the epoch's rewards.
/// </summary>
public sealed record KnnReportRequest(
    BigInteger ModelId,
    ulong Epoch,
    LabelledDataset Test,
    IReadOnlyList<ContributedShard> Shards,
    int K,
    RewardBudget Rewards,
    BigInteger? RewardPool = null);

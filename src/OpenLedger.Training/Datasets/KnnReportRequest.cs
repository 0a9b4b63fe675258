using System.Numerics;
using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Reports;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Training.Datasets;

/// <summary>
/// Everything <see cref="KnnReportBuilder"/> needs: the model and epoch, the held-out test split (raw features),
/// the registered shards (raw features), K of the k-NN model and of the valuation, and the epoch's rewards.
/// <paramref name="Method"/> is <c>neighbour-credit</c> (the default) or <c>knn-shapley</c>; <paramref name="Defences"/>
/// holds neighbour credit's parameters, <paramref name="CohortBoundaries"/> the blocks at which the model's earlier
/// epochs were posted. With <paramref name="CommitmentBlockHash"/> (the block holding the epoch's evaluation
/// commitment) the report carries a precision section measured on <paramref name="PrecisionSubsets"/> subsets.
/// </summary>
public sealed record KnnReportRequest(
    BigInteger ModelId,
    ulong Epoch,
    LabelledDataset Test,
    IReadOnlyList<ContributedShard> Shards,
    int K,
    RewardBudget Rewards,
    BigInteger? RewardPool = null,
    string Method = AttributionMethods.Default,
    NeighbourCreditDefences? Defences = null,
    IReadOnlyList<ulong>? CohortBoundaries = null,
    Hash32? CommitmentBlockHash = null,
    int PrecisionSubsets = PrecisionSection.MinimumSubsets);

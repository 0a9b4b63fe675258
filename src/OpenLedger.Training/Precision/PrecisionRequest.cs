using System.Numerics;
using OpenLedger.Attribution.Reports;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Training.Precision;

/// <summary>
/// What fixes a report's precision subsets and how many to measure: the report's model, epoch and test set hash, and
/// the hash of the block holding the epoch's evaluation commitment (from the node's index or the chain).
/// </summary>
public sealed record PrecisionRequest(
    BigInteger ModelId,
    ulong Epoch,
    Hash32 TestSetHash,
    Hash32 CommitmentBlockHash,
    string ModelClass,
    int Subsets = PrecisionSection.MinimumSubsets,
    double Confidence = PrecisionSection.DefaultConfidence);

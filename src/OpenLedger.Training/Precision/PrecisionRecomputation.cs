using System.Numerics;

namespace OpenLedger.Training.Precision;

/// <summary>
/// How far a report's measured coalition utilities (its precision subsets, or its retraining evidence's coalitions) are
/// from a verifier's own: over <see cref="Sampled"/> of the report's <see cref="Total"/> coalitions, the largest and
/// mean absolute difference, and how many differ by more than <see cref="PrecisionRecompute.Tolerance"/>
/// (<see cref="Mismatched"/>); the first of those is coalition <see cref="FirstMismatch"/>, whose members are
/// <see cref="FirstMembers"/>, reported as <see cref="FirstReported"/> and re-measured as <see cref="FirstRemeasured"/>.
/// </summary>
public sealed record PrecisionRecomputation(int Sampled, int Total, double MaxDifference, double MeanDifference, int Mismatched, int? FirstMismatch,
    IReadOnlyList<BigInteger>? FirstMembers = null, double? FirstReported = null, double? FirstRemeasured = null);

namespace OpenLedger.Training.Precision;

/// <summary>
/// How far a report's measured subset utilities are from a verifier's own: over <see cref="Sampled"/> of the report's
/// <see cref="Total"/> subsets, the largest and mean absolute difference, and how many differ by more than
/// <see cref="PrecisionRecompute.Tolerance"/> (<see cref="Mismatched"/>, the first at <see cref="FirstMismatch"/>).
/// </summary>
public sealed record PrecisionRecomputation(int Sampled, int Total, double MaxDifference, double MeanDifference, int Mismatched, int? FirstMismatch);

namespace OpenLedger.Training.Datasets;

/// <summary>
/// The parameters of neighbour credit's defences, in evaluation-set standard deviations (RMS over features):
/// rows closer than <see cref="DuplicateTolerance"/> to an earlier row or an evaluation row are excluded; no row farther
/// than <see cref="NeighbourRadius"/> from an evaluation point holds one of its slots; a contribution whose active
/// items are harmful in at least <see cref="HarmfulFractionThreshold"/> of cases is a flag candidate.
/// The defaults were chosen on Wine, breast cancer and digits (docs/attribution.md): the nearest distinct rows of
/// two honest contributors lie 0.18–0.33 apart, a 5 % near-copy within 0.06.
/// </summary>
public sealed record NeighbourCreditDefences(double DuplicateTolerance = 0.1, double NeighbourRadius = 1.0, double HarmfulFractionThreshold = 0.12);

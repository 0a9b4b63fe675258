namespace OpenLedger.Training.Datasets;

/// <summary>
/// The parameters of neighbour credit's defences, in evaluation-set standard deviations (RMS over features):
/// rows closer than <see cref="DuplicateTolerance"/> to an earlier row or an evaluation row are excluded; no row farther
/// than <see cref="NeighbourRadius"/> from an evaluation point holds one of its slots; a contribution whose active
/// items are harmful in at least <see cref="HarmfulFractionThreshold"/> of cases, at the one-sided confidence
/// <see cref="HarmfulConfidenceZ"/> (1.645: 95 %, a Wilson lower bound), is a flag candidate. On Wine's 25-row shards the
/// harmful share of an honest shard reaches 0.17 (3 of 18 active rows) on some splits, so the share alone flagged
/// honest contributors; the bound at 95 % keeps them at or under 0.07 while 20 %-corrupted shards reach 0.08 in 78 % of
/// splits (Wine) and 98 % (breast cancer), fully corrupted ones always (docs/attribution.md).
/// The defaults were chosen on Wine, breast cancer and digits (docs/attribution.md): the nearest distinct rows of
/// two honest contributors lie 0.18–0.33 apart, a 5 % near-copy within 0.06.
/// </summary>
public sealed record NeighbourCreditDefences(double DuplicateTolerance = 0.1, double NeighbourRadius = 1.0, double HarmfulFractionThreshold = 0.08,
    double HarmfulConfidenceZ = 1.645);

using System.Numerics;

namespace OpenLedger.Attribution;

/// <summary>
/// What an item-level method found in one contribution's items: how many it had, how many were credited, how many
/// were excluded as near-duplicates of earlier items (<see cref="CopiedFrom"/>: the earliest contribution they repeat)
/// or as contamination (copies of evaluation rows); of the credited, how many are <see cref="Active"/> (hold a slot of
/// the final model for some evaluation point) and how many of those are <see cref="Harmful"/> (hold more slots with
/// the wrong label than with the right one).
/// </summary>
/// <see cref="HarmPenalty"/> is what its harmful items cost its pay: each costs what an average helpful item earns.
public sealed record ItemSummary(int Total, int Credited, int NearDuplicates, int Contaminated, BigInteger? CopiedFrom,
    int Active, int Harmful, double HarmPenalty = 0.0)
{
    /// <summary>
    /// Harmful items as a share of active ones. Items that hold no slot do not count, so padding a contribution with
    /// junk that sits far from the data cannot dilute it.
    /// </summary>
    public double HarmfulFraction => Active > 0 ? (double)Harmful / Active : 0.0;

    /// <summary>
    /// The Wilson score interval's lower bound of the harmful share at <paramref name="z"/> (one-sided; 1.645 = 95 %):
    /// what the share is at least, given how few items it was measured on. z = 0 gives the share itself.
    /// </summary>
    public double HarmfulLowerBound(double z)
    {
        if (Active == 0) return 0.0;
        if (z <= 0) return HarmfulFraction;
        var n = (double)Active;
        var p = HarmfulFraction;
        var z2 = z * z;
        var centre = p + z2 / (2 * n);
        var spread = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return Math.Max(0.0, (centre - spread) / (1 + z2 / n));
    }
}

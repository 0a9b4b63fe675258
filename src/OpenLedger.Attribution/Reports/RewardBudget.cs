using System.Numerics;

namespace OpenLedger.Attribution.Reports;

/// <summary>
/// What the epoch pays: <paramref name="Open"/> in wei and <paramref name="Shares"/> in share units.
/// <paramref name="PerContributorCap"/> is a fraction of the epoch (0, 1]; <paramref name="FlagThreshold"/> lists
/// contributions whose value is below it as flag candidates.
/// </summary>
public sealed record RewardBudget(BigInteger Open, BigInteger Shares, decimal? PerContributorCap = null, double? FlagThreshold = null);

namespace OpenLedger.Node.Api;

/// <summary>
/// An account's revenue as the events tell it, and what it can withdraw now, which is not derivable from events (it
/// depends on ModelShares' per-share accumulator and rounding): withdrawableRevenue read on chain at the cursor block.
/// </summary>
public sealed record AccountRevenue(string Account, IReadOnlyList<ModelRevenue> Models);

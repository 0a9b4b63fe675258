namespace OpenLedger.Node.Api;

/// <summary>
/// An account's revenue as the events tell it. What it can withdraw now is not derivable from events (it depends on
/// ModelShares' per-share accumulator and rounding): read withdrawableRevenue(modelId, account) on-chain.
/// </summary>
public sealed record AccountRevenue(string Account, IReadOnlyList<ModelRevenue> Models);

namespace OpenLedger.Node.Api;

/// <summary>The reward token as wallets show it: OPEN with 18 decimals.</summary>
public sealed record TokenDescription(string Symbol, int Decimals);

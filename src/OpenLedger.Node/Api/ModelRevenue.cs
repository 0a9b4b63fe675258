namespace OpenLedger.Node.Api;

/// <summary>One model's line of <see cref="AccountRevenue"/>; amounts are decimal text in token units (wei).</summary>
public sealed record ModelRevenue(long ModelId, string ShareBalance, string Withdrawn, int WithdrawalCount, string DepositedForHolders);

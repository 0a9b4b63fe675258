namespace OpenLedger.Node.Api;

/// <summary>
/// One model's line of <see cref="AccountRevenue"/>; amounts are decimal text in token units (wei). Withdrawable is
/// ModelShares.withdrawableRevenue at the indexed cursor block, null when the chain could not be asked.
/// </summary>
public sealed record ModelRevenue(long ModelId, string ShareBalance, string Withdrawn, int WithdrawalCount, string DepositedForHolders, string? Withdrawable);

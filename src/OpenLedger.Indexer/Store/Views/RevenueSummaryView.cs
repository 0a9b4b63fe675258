namespace OpenLedger.Indexer.Store.Views;

/// <summary>Sums of a model's revenue events (decimal text).</summary>
public sealed record RevenueSummaryView(
    long ModelId, string Deposited, string ToOwner, string ToRewardPool, string ToHolders,
    string Withdrawn, long DepositCount);

using OpenLedger.Indexer.Store.Views;

namespace OpenLedger.Node.Api;

/// <summary>
/// An epoch with its status at <see cref="EpochList.ChainTime"/>: vetoed; challengeable before the challenge window
/// ends; claimable from then on (RewardDistributor accepts claims once block.timestamp &gt;= challengeEndsAt);
/// posted when the chain time could not be read.
/// </summary>
public sealed record EpochResponse(string Status, EpochView Epoch)
{
    public static string StatusOf(EpochView epoch, long? chainTime) =>
        epoch.Status == "vetoed" ? "vetoed"
        : chainTime is not { } now ? "posted"
        : now < epoch.ChallengeEndsAt ? "challengeable"
        : "claimable";
}

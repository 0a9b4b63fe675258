using OpenLedger.Indexer.Store.Views;

namespace OpenLedger.Node.Api;

/// <summary>
/// An epoch with its status at <see cref="EpochList.ChainTime"/>: vetoed; challengeable before the challenge window
/// ends; claimable from then on (RewardDistributor accepts claims once block.timestamp &gt;= challengeEndsAt);
/// posted when the chain time could not be read. <see cref="Evaluation"/> is the test set sealed for it on chain
/// (null only for an epoch indexed before its commitment, which postEpoch does not allow).
/// </summary>
public sealed record EpochResponse(string Status, EpochView Epoch, EvaluationResponse? Evaluation)
{
    public static string StatusOf(EpochView epoch, long? chainTime) =>
        epoch.Status == "vetoed" ? "vetoed"
        : chainTime is not { } now ? "posted"
        : now < epoch.ChallengeEndsAt ? "challengeable"
        : "claimable";
}

using OpenLedger.Indexer.Store.Views;
using OpenLedger.Node.Distributions;

namespace OpenLedger.Node.Api;

/// <summary>
/// An epoch with its status at <see cref="EpochList.ChainTime"/>: vetoed; challengeable before the challenge window
/// ends; claimable from then on (RewardDistributor accepts claims once block.timestamp &gt;= challengeEndsAt);
/// posted when the chain time could not be read. <see cref="Evaluation"/> is the test set sealed for it on chain
/// (null only for an epoch indexed before its commitment, which postEpoch does not allow). <see cref="Precision"/> is the
/// LDS of the epoch's attribution from the distribution this node built (null when the report did not measure it or
/// this node has no distribution for the epoch).
/// </summary>
public sealed record EpochResponse(string Status, EpochView Epoch, EvaluationResponse? Evaluation, PrecisionResponse? Precision = null)
{
    public static string StatusOf(EpochView epoch, long? chainTime) =>
        epoch.Status == "vetoed" ? "vetoed"
        : chainTime is not { } now ? "posted"
        : now < epoch.ChallengeEndsAt ? "challengeable"
        : "claimable";
}

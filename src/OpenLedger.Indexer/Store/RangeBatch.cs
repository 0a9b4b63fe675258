using OpenLedger.Indexer.Chain;
using OpenLedger.Indexer.Store.Rows;

namespace OpenLedger.Indexer.Store;

/// <summary>
/// Everything one block range adds to the store, committed in one transaction with the new cursor:
/// the decoded rows, the hashes of the blocks they came from, and the last block of the range.
/// </summary>
public sealed class RangeBatch
{
    public RangeBatch(long fromBlock, BlockHeader toBlock)
    {
        FromBlock = fromBlock;
        ToBlock = toBlock;
    }

    public long FromBlock { get; }

    /// <summary>The last block of the range: it becomes the cursor.</summary>
    public BlockHeader ToBlock { get; }

    /// <summary>Blocks whose hash is remembered to find the common ancestor after a reorg.</summary>
    public Dictionary<long, BlockRef> Blocks { get; } = [];

    public List<ModelRow> Models { get; } = [];
    public List<ModelPolicyRow> ModelPolicies { get; } = [];
    public List<ValidatorUpdateRow> ValidatorUpdates { get; } = [];
    public List<CommitmentRow> Commitments { get; } = [];
    public List<ContributionRow> Contributions { get; } = [];
    public List<FlagRow> Flags { get; } = [];
    public List<SlashRow> Slashes { get; } = [];
    public List<BondWithdrawalRow> BondWithdrawals { get; } = [];
    public List<SupersessionRow> Supersessions { get; } = [];
    public List<RevenueDepositRow> RevenueDeposits { get; } = [];
    public List<RevenueWithdrawalRow> RevenueWithdrawals { get; } = [];
    public List<ShareTransferRow> ShareTransfers { get; } = [];
    public List<RewardPoolFundingRow> RewardPoolFundings { get; } = [];
    public List<EpochPostingRow> EpochPostings { get; } = [];
    public List<EpochVetoRow> EpochVetoes { get; } = [];
    public List<ClaimRow> Claims { get; } = [];
    public List<ChallengeWindowRow> ChallengeWindows { get; } = [];
    public List<EvaluationCommitmentRow> EvaluationCommitments { get; } = [];

    /// <summary>Number of logs decoded into this batch.</summary>
    public int EventCount { get; set; }

    public void RememberBlock(BlockRef block) => Blocks[block.Number] = block;
}

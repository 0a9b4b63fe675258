using OpenLedger.Ethereum.Primitives;
using OpenLedger.Indexer.Chain;
using OpenLedger.Indexer.Store.Views;

namespace OpenLedger.Indexer.Store;

/// <summary>
/// What the query API reads. Addresses and hashes are 0x lower-case hex, amounts decimal text (uint256 does not fit
/// a SQL integer). Lists use keyset pagination: pass the position of the last item seen as <c>after</c>.
/// </summary>
public interface IIndexReader
{
    /// <summary>The last indexed block, or null before the first range is committed.</summary>
    Task<BlockRef?> GetCursorAsync(CancellationToken cancellationToken);

    Task<ModelView?> GetModelAsync(long modelId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ModelView>> ListModelsAsync(long afterModelId, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<ValidatorView>> ListValidatorsAsync(long modelId, CancellationToken cancellationToken);

    Task<ContributionView?> GetContributionAsync(Hash32 id, CancellationToken cancellationToken);

    Task<IReadOnlyList<ContributionView>> ListContributionsAsync(ContributionQuery query, CancellationToken cancellationToken);

    /// <summary>The models an account has registered contributions for, in id order.</summary>
    Task<IReadOnlyList<long>> ListContributedModelsAsync(string account, CancellationToken cancellationToken);

    Task<IReadOnlyList<ShareBalanceView>> ListShareBalancesAsync(long? modelId, string? account, CancellationToken cancellationToken);

    Task<EpochView?> GetEpochAsync(long modelId, long epoch, CancellationToken cancellationToken);

    Task<IReadOnlyList<EpochView>> ListEpochsAsync(long modelId, CancellationToken cancellationToken);

    /// <summary>The evaluation set sealed on chain for the epoch, or null when none is indexed.</summary>
    Task<EvaluationCommitmentView?> GetEvaluationCommitmentAsync(long modelId, long epoch, CancellationToken cancellationToken);

    /// <summary>Every evaluation set the model sealed, in epoch order.</summary>
    Task<IReadOnlyList<EvaluationCommitmentView>> ListEvaluationCommitmentsAsync(long modelId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ClaimView>> ListClaimsAsync(long modelId, long? epoch, string? account, CancellationToken cancellationToken);

    /// <summary>An account's paid claims over every model, in chain order after the (block, log index) keyset position.</summary>
    Task<IReadOnlyList<ClaimView>> ListAccountClaimsAsync(string account, (long Block, int LogIndex)? after, int limit, CancellationToken cancellationToken);

    /// <summary>An account's revenue withdrawals over every model, in chain order.</summary>
    Task<IReadOnlyList<RevenueWithdrawalView>> ListRevenueWithdrawalsAsync(string account, CancellationToken cancellationToken);

    /// <summary>
    /// Revenue of a model as the events tell it. What an account can withdraw now is NOT derivable from events
    /// alone (it depends on the contract's per-share accumulator and rounding); call withdrawableRevenue on-chain.
    /// </summary>
    Task<RevenueSummaryView> GetRevenueSummaryAsync(long modelId, CancellationToken cancellationToken);

    /// <summary>Every registration of this content, over every model, in chain order.</summary>
    Task<IReadOnlyList<ContributionView>> ListContributionsByContentHashAsync(Hash32 contentHash, CancellationToken cancellationToken);

    /// <summary>The indexed events a transaction emitted (models, contributions, epochs, claims, revenue, slashes), in log order.</summary>
    Task<IReadOnlyList<TransactionEventView>> ListTransactionEventsAsync(Hash32 txHash, CancellationToken cancellationToken);

    /// <summary>A contribution's flags and dismissals with the validators' reasons, in chain order.</summary>
    Task<IReadOnlyList<FlagView>> ListFlagsAsync(Hash32 contributionId, CancellationToken cancellationToken);
}

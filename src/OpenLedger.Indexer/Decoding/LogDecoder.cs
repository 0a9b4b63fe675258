using System.Numerics;
using OpenLedger.Contracts.Distributor;
using OpenLedger.Contracts.Registry;
using OpenLedger.Contracts.Shares;
using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Indexer.Chain;
using OpenLedger.Indexer.Deployment;
using OpenLedger.Indexer.Store;
using OpenLedger.Indexer.Store.Rows;

namespace OpenLedger.Indexer.Decoding;

/// <summary>
/// Turns our contracts' logs into store rows through the typed event bindings of OpenLedger.Contracts. Logs of
/// events the store does not track (ownership, roles, approvals, URI, EIP-712 domain) are passed over on purpose;
/// a tracked event that does not decode is an error, never skipped.
/// </summary>
public sealed class LogDecoder
{
    private delegate void Handler(ChainLog log, RangeBatch batch);


    private readonly Dictionary<Address, Dictionary<Hash32, Handler>> _handlers;

    public LogDecoder(DeploymentFile deployment)
    {
        _handlers = new()
        {
            [deployment.Registry.Address] = RegistryHandlers,
            [deployment.Shares.Address] = SharesHandlers,
            [deployment.Distributor.Address] = DistributorHandlers,
        };
    }

    /// <summary>Adds the rows of <paramref name="log"/> to <paramref name="batch"/>.</summary>
    public void Decode(ChainLog log, RangeBatch batch)
    {
        if (!_handlers.TryGetValue(log.Address, out var handlers))
            throw new IndexerException($"Log {log.LogIndex} of block {log.BlockNumber} comes from {log.Address}, which is not one of our contracts");
        if (log.Topics.Count == 0 || !handlers.TryGetValue(log.Topics[0], out var handle)) return;
        try { handle(log, batch); }
        catch (EthereumException e)
        {
            throw new IndexerException($"Log {log.LogIndex} of block {log.BlockNumber} (tx {log.TransactionHash}) from {log.Address} does not decode: {e.Message}", e);
        }
        batch.EventCount++;
    }

    private static readonly Dictionary<Hash32, Handler> RegistryHandlers = new()
    {
        [ModelCreatedEvent.Topic0] = (log, b) =>
        {
            var e = ModelCreatedEvent.Decode(log.Topics, log.Data);
            b.Models.Add(new ModelRow(log.BlockNumber, log.LogIndex, Tx(log), Long(e.ModelId, "modelId"), Addr(e.Owner), e.MetadataURI));
            b.ModelPolicies.Add(Policy(log, e.ModelId, e.Policy));
        },
        [ModelPolicyUpdatedEvent.Topic0] = (log, b) =>
        {
            var e = ModelPolicyUpdatedEvent.Decode(log.Topics, log.Data);
            b.ModelPolicies.Add(Policy(log, e.ModelId, e.Policy));
        },
        [ValidatorUpdatedEvent.Topic0] = (log, b) =>
        {
            var e = ValidatorUpdatedEvent.Decode(log.Topics, log.Data);
            b.ValidatorUpdates.Add(new ValidatorUpdateRow(log.BlockNumber, log.LogIndex, Tx(log), Long(e.ModelId, "modelId"), Addr(e.Validator), e.Allowed));
        },
        [CommittedEvent.Topic0] = (log, b) =>
        {
            var e = CommittedEvent.Decode(log.Topics, log.Data);
            b.Commitments.Add(new CommitmentRow(log.BlockNumber, log.LogIndex, Tx(log), e.Commitment.ToString(), Addr(e.Committer), Long(e.BlockNumber, "blockNumber")));
        },
        // The bulk of a backfill: read in place from the log bytes (see ContributionLogReader).
        [ContributionRegisteredEvent.Topic0] = ContributionLogReader.ReadSingle,
        [ContributionsRegisteredEvent.Topic0] = ContributionLogReader.ReadBatch,
        [ContributionFlaggedEvent.Topic0] = (log, b) =>
        {
            var e = ContributionFlaggedEvent.Decode(log.Topics, log.Data);
            b.Flags.Add(new FlagRow(log.BlockNumber, log.LogIndex, Tx(log), e.Id.ToString(), Addr(e.Validator), FlagRow.Flagged, e.Reason));
        },
        [FlagDismissedEvent.Topic0] = (log, b) =>
        {
            var e = FlagDismissedEvent.Decode(log.Topics, log.Data);
            b.Flags.Add(new FlagRow(log.BlockNumber, log.LogIndex, Tx(log), e.Id.ToString(), Addr(e.By), FlagRow.Dismissed, null));
        },
        [ContributionSlashedEvent.Topic0] = (log, b) =>
        {
            var e = ContributionSlashedEvent.Decode(log.Topics, log.Data);
            b.Slashes.Add(new SlashRow(log.BlockNumber, log.LogIndex, Tx(log), e.Id.ToString(), Long(e.ModelId, "modelId"), e.Amount.ToString()));
        },
        [ContributionSupersededEvent.Topic0] = (log, b) =>
        {
            var e = ContributionSupersededEvent.Decode(log.Topics, log.Data);
            b.Supersessions.Add(new SupersessionRow(log.BlockNumber, log.LogIndex, Tx(log), e.Id.ToString(), Long(e.ModelId, "modelId"),
                Addr(e.Contributor), Addr(e.By), e.Forfeited.ToString()));
        },
        [BondWithdrawnEvent.Topic0] = (log, b) =>
        {
            var e = BondWithdrawnEvent.Decode(log.Topics, log.Data);
            b.BondWithdrawals.Add(new BondWithdrawalRow(log.BlockNumber, log.LogIndex, Tx(log), e.Id.ToString(), Addr(e.Contributor), e.Amount.ToString()));
        },
    };

    private static readonly Dictionary<Hash32, Handler> SharesHandlers = new()
    {
        [RevenueDepositedEvent.Topic0] = (log, b) =>
        {
            var e = RevenueDepositedEvent.Decode(log.Topics, log.Data);
            b.RevenueDeposits.Add(new RevenueDepositRow(log.BlockNumber, log.LogIndex, Tx(log), Long(e.ModelId, "modelId"), Addr(e.Depositor),
                e.Amount.ToString(), e.ToOwner.ToString(), e.ToRewardPool.ToString(), e.ToHolders.ToString()));
        },
        [RevenueWithdrawnEvent.Topic0] = (log, b) =>
        {
            var e = RevenueWithdrawnEvent.Decode(log.Topics, log.Data);
            b.RevenueWithdrawals.Add(new RevenueWithdrawalRow(log.BlockNumber, log.LogIndex, Tx(log), Long(e.ModelId, "modelId"), Addr(e.Account), e.Amount.ToString()));
        },
        [TransferSingleEvent.Topic0] = (log, b) =>
        {
            var e = TransferSingleEvent.Decode(log.Topics, log.Data);
            b.ShareTransfers.Add(new ShareTransferRow(log.BlockNumber, log.LogIndex, 0, Tx(log), Addr(e.Operator), Addr(e.From), Addr(e.To),
                Long(e.Id, "token id"), e.Value.ToString()));
        },
        [TransferBatchEvent.Topic0] = (log, b) =>
        {
            var e = TransferBatchEvent.Decode(log.Topics, log.Data);
            if (e.Ids.Count != e.Values.Count)
                throw new IndexerException($"TransferBatch at block {log.BlockNumber} log {log.LogIndex} has {e.Ids.Count} ids but {e.Values.Count} values");
            for (var i = 0; i < e.Ids.Count; i++)
                b.ShareTransfers.Add(new ShareTransferRow(log.BlockNumber, log.LogIndex, i, Tx(log), Addr(e.Operator), Addr(e.From), Addr(e.To),
                    Long(e.Ids[i], "token id"), e.Values[i].ToString()));
        },
    };

    private static readonly Dictionary<Hash32, Handler> DistributorHandlers = new()
    {
        [RewardPoolFundedEvent.Topic0] = (log, b) =>
        {
            var e = RewardPoolFundedEvent.Decode(log.Topics, log.Data);
            b.RewardPoolFundings.Add(new RewardPoolFundingRow(log.BlockNumber, log.LogIndex, Tx(log), Long(e.ModelId, "modelId"), Addr(e.From), e.Amount.ToString()));
        },
        [EpochPostedEvent.Topic0] = (log, b) =>
        {
            var e = EpochPostedEvent.Decode(log.Topics, log.Data);
            b.EpochPostings.Add(new EpochPostingRow(log.BlockNumber, log.LogIndex, Tx(log), Long(e.ModelId, "modelId"), Long(e.Epoch, "epoch"),
                e.Root.ToString(), e.TotalOpen.ToString(), e.TotalShares.ToString(), e.ReportHash.ToString(), e.ReportURI,
                Long(e.ChallengeEndsAt, "challengeEndsAt")));
        },
        [EpochVetoedEvent.Topic0] = (log, b) =>
        {
            var e = EpochVetoedEvent.Decode(log.Topics, log.Data);
            b.EpochVetoes.Add(new EpochVetoRow(log.BlockNumber, log.LogIndex, Tx(log), Long(e.ModelId, "modelId"), Long(e.Epoch, "epoch"), Addr(e.By), e.Reason));
        },
        [ClaimedEvent.Topic0] = (log, b) =>
        {
            var e = ClaimedEvent.Decode(log.Topics, log.Data);
            b.Claims.Add(new ClaimRow(log.BlockNumber, log.LogIndex, Tx(log), Long(e.ModelId, "modelId"), Long(e.Epoch, "epoch"), Addr(e.Account),
                Long(e.Index, "index"), e.OpenAmount.ToString(), e.ShareAmount.ToString()));
        },
        [EvaluationSetCommittedEvent.Topic0] = (log, b) =>
        {
            var e = EvaluationSetCommittedEvent.Decode(log.Topics, log.Data);
            b.EvaluationCommitments.Add(new EvaluationCommitmentRow(log.BlockNumber, log.LogIndex, Tx(log), Long(e.ModelId, "modelId"),
                Long(e.Epoch, "epoch"), e.TestSetHash.ToString(), log.BlockHash.ToString()));
        },
        [ChallengeWindowUpdatedEvent.Topic0] = (log, b) =>
        {
            var e = ChallengeWindowUpdatedEvent.Decode(log.Topics, log.Data);
            b.ChallengeWindows.Add(new ChallengeWindowRow(log.BlockNumber, log.LogIndex, Tx(log), Long(e.ChallengeWindow, "challengeWindow")));
        },
    };

    private static ModelPolicyRow Policy(ChainLog log, BigInteger modelId, Policy p) =>
        new(log.BlockNumber, log.LogIndex, Tx(log), Long(modelId, "modelId"), p.MinBond.ToString(), p.BondLock, p.DisputeWindow,
            p.OwnerBps, p.PoolBps, p.CommitReveal, p.MinPrecisionBps);

    private static string Tx(ChainLog log) => log.TransactionHash.ToString();

    private static string Addr(Address address) => Hex.Encode(address.AsSpan());

    // Ids, epochs and indices are counters that start at 0 or 1; a value past 2^63 cannot come from our contracts.
    private static long Long(BigInteger value, string name) =>
        value <= long.MaxValue && value >= 0 ? (long)value : throw new IndexerException($"{name} {value} does not fit a 64-bit column: expected 0 to {long.MaxValue}");
}

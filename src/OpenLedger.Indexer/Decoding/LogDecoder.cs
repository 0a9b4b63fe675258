using System.Numerics;
using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Indexer.Chain;
using OpenLedger.Indexer.Deployment;
using OpenLedger.Indexer.Store;
using OpenLedger.Indexer.Store.Rows;
using E = OpenLedger.Indexer.Decoding.OpenLedgerEvents;

namespace OpenLedger.Indexer.Decoding;

/// <summary>
/// Turns our contracts' logs into store rows. Logs of events the store does not track (ownership, roles, token
/// approvals) are passed over on purpose; a tracked event that does not decode is an error, never skipped.
/// </summary>
public sealed class LogDecoder
{
    private readonly Dictionary<Address, Dictionary<Hash32, AbiEvent>> _events;

    public LogDecoder(DeploymentFile deployment)
    {
        static Dictionary<Hash32, AbiEvent> ByTopic(IEnumerable<AbiEvent> events) => events.ToDictionary(e => e.Topic0);
        _events = new()
        {
            [deployment.Registry.Address] = ByTopic(E.Registry),
            [deployment.Shares.Address] = ByTopic(E.Shares),
            [deployment.Distributor.Address] = ByTopic(E.Distributor),
        };
    }

    /// <summary>Adds the rows of <paramref name="log"/> to <paramref name="batch"/>.</summary>
    public void Decode(ChainLog log, RangeBatch batch)
    {
        if (!_events.TryGetValue(log.Address, out var events))
            throw new IndexerException($"Log {log.LogIndex} of block {log.BlockNumber} comes from {log.Address}, which is not one of our contracts");
        if (log.Topics.Count == 0 || !events.TryGetValue(log.Topics[0], out var abiEvent)) return;
        DecodedEvent e;
        try { e = abiEvent.DecodeLog(log.Topics, log.Data); }
        catch (EthereumException ex)
        {
            throw new IndexerException($"Log {log.LogIndex} of block {log.BlockNumber} (tx {log.TransactionHash}) does not decode as {abiEvent.Signature}: {ex.Message}", ex);
        }
        batch.EventCount++;
        var (block, index, tx) = (log.BlockNumber, log.LogIndex, log.TransactionHash.ToString());
        switch (abiEvent.Name)
        {
            case "ModelCreated":
                batch.Models.Add(new ModelRow(block, index, tx, Id(e, "modelId"), Addr(e, "owner"), e.Get<string>("metadataURI")));
                batch.ModelPolicies.Add(Policy(block, index, tx, Id(e, "modelId"), e.Get<object?[]>("policy")));
                break;
            case "ModelPolicyUpdated":
                batch.ModelPolicies.Add(Policy(block, index, tx, Id(e, "modelId"), e.Get<object?[]>("policy")));
                break;
            case "ValidatorUpdated":
                batch.ValidatorUpdates.Add(new ValidatorUpdateRow(block, index, tx, Id(e, "modelId"), Addr(e, "validator"), e.Get<bool>("allowed")));
                break;
            case "Committed":
                batch.Commitments.Add(new CommitmentRow(block, index, tx, Bytes(e, "commitment"), Addr(e, "committer"), Id(e, "blockNumber")));
                break;
            case "ContributionRegistered":
                batch.Contributions.Add(new ContributionRow(block, index, 0, tx, Bytes(e, "id"), Id(e, "modelId"), Addr(e, "contributor"),
                    Bytes(e, "contentHash"), (int)Id(e, "kind"), e.Get<string>("uri"), Amount(e, "bond")));
                break;
            case "ContributionsRegistered":
                AddBatch(e, block, index, tx, batch);
                break;
            case "ContributionFlagged":
                batch.Flags.Add(new FlagRow(block, index, tx, Bytes(e, "id"), Addr(e, "validator"), FlagRow.Flagged, e.Get<string>("reason")));
                break;
            case "FlagDismissed":
                batch.Flags.Add(new FlagRow(block, index, tx, Bytes(e, "id"), Addr(e, "by"), FlagRow.Dismissed, null));
                break;
            case "ContributionSlashed":
                batch.Slashes.Add(new SlashRow(block, index, tx, Bytes(e, "id"), Id(e, "modelId"), Amount(e, "amount")));
                break;
            case "BondWithdrawn":
                batch.BondWithdrawals.Add(new BondWithdrawalRow(block, index, tx, Bytes(e, "id"), Addr(e, "contributor"), Amount(e, "amount")));
                break;
            case "RevenueDeposited":
                batch.RevenueDeposits.Add(new RevenueDepositRow(block, index, tx, Id(e, "modelId"), Addr(e, "depositor"), Amount(e, "amount"),
                    Amount(e, "toOwner"), Amount(e, "toRewardPool"), Amount(e, "toHolders")));
                break;
            case "PendingRevenueReleased":
                batch.PendingRevenueReleases.Add(new PendingRevenueReleaseRow(block, index, tx, Id(e, "modelId"), Amount(e, "amount")));
                break;
            case "RevenueWithdrawn":
                batch.RevenueWithdrawals.Add(new RevenueWithdrawalRow(block, index, tx, Id(e, "modelId"), Addr(e, "account"), Amount(e, "amount")));
                break;
            case "TransferSingle":
                batch.ShareTransfers.Add(new ShareTransferRow(block, index, 0, tx, Addr(e, "operator"), Addr(e, "from"), Addr(e, "to"),
                    Id(e, "id"), Amount(e, "value")));
                break;
            case "TransferBatch":
                var ids = e.Get<object?[]>("ids");
                var values = e.Get<object?[]>("values");
                if (ids.Length != values.Length)
                    throw new IndexerException($"TransferBatch at block {block} log {index} has {ids.Length} ids but {values.Length} values");
                for (var i = 0; i < ids.Length; i++)
                    batch.ShareTransfers.Add(new ShareTransferRow(block, index, i, tx, Addr(e, "operator"), Addr(e, "from"), Addr(e, "to"),
                        ToLong((BigInteger)ids[i]!, "TransferBatch id"), ((BigInteger)values[i]!).ToString()));
                break;
            case "RewardPoolFunded":
                batch.RewardPoolFundings.Add(new RewardPoolFundingRow(block, index, tx, Id(e, "modelId"), Addr(e, "from"), Amount(e, "amount")));
                break;
            case "EpochPosted":
                batch.EpochPostings.Add(new EpochPostingRow(block, index, tx, Id(e, "modelId"), Id(e, "epoch"), Bytes(e, "root"),
                    Amount(e, "totalOpen"), Amount(e, "totalShares"), Bytes(e, "reportHash"), e.Get<string>("reportURI"), Id(e, "challengeEndsAt")));
                break;
            case "EpochVetoed":
                batch.EpochVetoes.Add(new EpochVetoRow(block, index, tx, Id(e, "modelId"), Id(e, "epoch"), Addr(e, "by"), e.Get<string>("reason")));
                break;
            case "Claimed":
                batch.Claims.Add(new ClaimRow(block, index, tx, Id(e, "modelId"), Id(e, "epoch"), Addr(e, "account"), Id(e, "index"),
                    Amount(e, "openAmount"), Amount(e, "shareAmount")));
                break;
            case "ChallengeWindowUpdated":
                batch.ChallengeWindows.Add(new ChallengeWindowRow(block, index, tx, Id(e, "challengeWindow")));
                break;
        }
    }

    // registerBatch emits one event for many items; each entry's id is keccak256(abi.encode(modelId, contentHash)).
    private static void AddBatch(DecodedEvent e, long block, int index, string tx, RangeBatch batch)
    {
        var modelId = e.Get<BigInteger>("modelId");
        var model = ToLong(modelId, "modelId");
        var contributor = Addr(e, "contributor");
        var entries = e.Get<object?[]>("entries");
        var idTypes = new[] { AbiType.Parse("uint256"), AbiType.Parse("bytes32") };
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = (object?[])entries[i]!;
            var contentHash = (byte[])entry[0]!;
            var id = Keccak.Hash(AbiEncoder.Encode(idTypes, [modelId, contentHash]));
            batch.Contributions.Add(new ContributionRow(block, index, i, tx, id.ToString(), model, contributor, Hex.Encode(contentHash),
                (int)(BigInteger)entry[1]!, (string)entry[3]!, ((BigInteger)entry[2]!).ToString()));
        }
    }

    private static ModelPolicyRow Policy(long block, int index, string tx, long modelId, object?[] p) =>
        new(block, index, tx, modelId, ((BigInteger)p[0]!).ToString(), (long)(BigInteger)p[1]!, (long)(BigInteger)p[2]!,
            (int)(BigInteger)p[3]!, (int)(BigInteger)p[4]!, (bool)p[5]!);

    private static long Id(DecodedEvent e, string name) => ToLong(e.Get<BigInteger>(name), name);

    private static long ToLong(BigInteger value, string name) =>
        value <= long.MaxValue ? (long)value : throw new IndexerException($"{name} {value} does not fit a 64-bit column: expected at most {long.MaxValue}");

    private static string Amount(DecodedEvent e, string name) => e.Get<BigInteger>(name).ToString();

    private static string Addr(DecodedEvent e, string name) => Hex.Encode(e.Get<Address>(name).AsSpan());

    private static string Bytes(DecodedEvent e, string name) => e[name] switch
    {
        byte[] b => Hex.Encode(b),
        Hash32 h => h.ToString(),
        var other => throw new IndexerException($"{name} of {e.Name} is {other?.GetType().Name ?? "null"}, not bytes32"),
    };
}

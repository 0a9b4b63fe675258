using System.Data.Common;
using Npgsql;
using OpenLedger.Indexer.Chain;
using OpenLedger.Indexer.Store.Rows;

namespace OpenLedger.Indexer.Store.Postgres;

// Each table's rows go in as one INSERT ... SELECT FROM unnest(arrays): one statement and one round trip per table and
// range however many rows it has, where a statement per row would pay a round trip each. ON CONFLICT DO NOTHING keeps
// a replayed range idempotent. Contributions, nearly all of a backfill's rows, are streamed by binary COPY when the
// range starts past the cursor: none of its rows can be there yet, so there is no conflict to skip.
public sealed partial class PostgresIndexStore
{
    private protected override async Task InsertRowsAsync(DbConnection connection, DbTransaction tx, RangeBatch b, bool aboveCursor, CancellationToken ct)
    {
        var c = (NpgsqlConnection)connection;
        var t = (NpgsqlTransaction)tx;
        await InsertAsync(c, t, "models", b.Models, ct,
            Col<ModelRow>("model_id", r => r.ModelId), Col<ModelRow>("owner", r => r.Owner), Col<ModelRow>("metadata_uri", r => r.MetadataUri),
            Col<ModelRow>("block_number", r => r.BlockNumber), Col<ModelRow>("log_index", r => (long)r.LogIndex), Col<ModelRow>("tx_hash", r => r.TxHash));
        await InsertAsync(c, t, "model_policies", b.ModelPolicies, ct, [.. Position<ModelPolicyRow>(r => (r.BlockNumber, r.LogIndex, r.TxHash)),
            Col<ModelPolicyRow>("model_id", r => r.ModelId), Col<ModelPolicyRow>("min_bond", r => r.MinBond), Col<ModelPolicyRow>("bond_lock", r => r.BondLock),
            Col<ModelPolicyRow>("dispute_window", r => r.DisputeWindow), Col<ModelPolicyRow>("owner_bps", r => (long)r.OwnerBps),
            Col<ModelPolicyRow>("pool_bps", r => (long)r.PoolBps), Col<ModelPolicyRow>("commit_reveal", r => r.CommitReveal),
            Col<ModelPolicyRow>("min_precision_bps", r => (long)r.MinPrecisionBps)]);
        await InsertAsync(c, t, "validator_updates", b.ValidatorUpdates, ct, [.. Position<ValidatorUpdateRow>(r => (r.BlockNumber, r.LogIndex, r.TxHash)),
            Col<ValidatorUpdateRow>("model_id", r => r.ModelId), Col<ValidatorUpdateRow>("validator", r => r.Validator), Col<ValidatorUpdateRow>("allowed", r => r.Allowed)]);
        await InsertAsync(c, t, "commitments", b.Commitments, ct, [.. Position<CommitmentRow>(r => (r.BlockNumber, r.LogIndex, r.TxHash)),
            Col<CommitmentRow>("commitment", r => r.Commitment), Col<CommitmentRow>("committer", r => r.Committer), Col<CommitmentRow>("commit_block", r => r.CommitBlock)]);
        if (aboveCursor) await ContributionCopy.WriteAsync(c, b.Contributions, ct);
        else await InsertAsync(c, t, "contributions", b.Contributions, ct,
            Col<ContributionRow>("block_number", r => r.BlockNumber), Col<ContributionRow>("log_index", r => (long)r.LogIndex),
            Col<ContributionRow>("batch_index", r => (long)r.BatchIndex), Col<ContributionRow>("id", r => r.Id.ToArray()),
            Col<ContributionRow>("model_id", r => r.ModelId), Col<ContributionRow>("contributor", r => r.Contributor.ToArray()),
            Col<ContributionRow>("content_hash", r => r.ContentHash.ToArray()), Col<ContributionRow>("kind", r => (long)r.Kind),
            Col<ContributionRow>("uri", r => r.Uri), Col<ContributionRow>("bond", r => r.Bond), Col<ContributionRow>("tx_hash", r => r.TxHash.ToArray()),
            Col<ContributionRow>("status", _ => "active"), Col<ContributionRow>("current_bond", r => r.Bond));
        await InsertAsync(c, t, "flags", b.Flags, ct, [.. Position<FlagRow>(r => (r.BlockNumber, r.LogIndex, r.TxHash)),
            Col<FlagRow>("contribution_id", r => r.ContributionId), Col<FlagRow>("actor", r => r.Actor), Col<FlagRow>("action", r => r.Action),
            Col<FlagRow>("reason", r => r.Reason)]);
        await InsertAsync(c, t, "slashes", b.Slashes, ct, [.. Position<SlashRow>(r => (r.BlockNumber, r.LogIndex, r.TxHash)),
            Col<SlashRow>("contribution_id", r => r.ContributionId), Col<SlashRow>("model_id", r => r.ModelId), Col<SlashRow>("amount", r => r.Amount)]);
        await InsertAsync(c, t, "bond_withdrawals", b.BondWithdrawals, ct, [.. Position<BondWithdrawalRow>(r => (r.BlockNumber, r.LogIndex, r.TxHash)),
            Col<BondWithdrawalRow>("contribution_id", r => r.ContributionId), Col<BondWithdrawalRow>("contributor", r => r.Contributor),
            Col<BondWithdrawalRow>("amount", r => r.Amount)]);
        await InsertAsync(c, t, "supersessions", b.Supersessions, ct, [.. Position<SupersessionRow>(r => (r.BlockNumber, r.LogIndex, r.TxHash)),
            Col<SupersessionRow>("contribution_id", r => r.ContributionId), Col<SupersessionRow>("model_id", r => r.ModelId),
            Col<SupersessionRow>("contributor", r => r.Contributor), Col<SupersessionRow>("superseded_by", r => r.By),
            Col<SupersessionRow>("forfeited", r => r.Forfeited)]);
        await InsertAsync(c, t, "revenue_deposits", b.RevenueDeposits, ct, [.. Position<RevenueDepositRow>(r => (r.BlockNumber, r.LogIndex, r.TxHash)),
            Col<RevenueDepositRow>("model_id", r => r.ModelId), Col<RevenueDepositRow>("depositor", r => r.Depositor), Col<RevenueDepositRow>("amount", r => r.Amount),
            Col<RevenueDepositRow>("to_owner", r => r.ToOwner), Col<RevenueDepositRow>("to_reward_pool", r => r.ToRewardPool),
            Col<RevenueDepositRow>("to_holders", r => r.ToHolders)]);
        await InsertAsync(c, t, "revenue_withdrawals", b.RevenueWithdrawals, ct, [.. Position<RevenueWithdrawalRow>(r => (r.BlockNumber, r.LogIndex, r.TxHash)),
            Col<RevenueWithdrawalRow>("model_id", r => r.ModelId), Col<RevenueWithdrawalRow>("account", r => r.Account), Col<RevenueWithdrawalRow>("amount", r => r.Amount)]);
        await InsertAsync(c, t, "share_transfers", b.ShareTransfers, ct,
            Col<ShareTransferRow>("block_number", r => r.BlockNumber), Col<ShareTransferRow>("log_index", r => (long)r.LogIndex),
            Col<ShareTransferRow>("batch_index", r => (long)r.BatchIndex), Col<ShareTransferRow>("tx_hash", r => r.TxHash),
            Col<ShareTransferRow>("operator", r => r.Operator), Col<ShareTransferRow>("from_address", r => r.FromAddress),
            Col<ShareTransferRow>("to_address", r => r.ToAddress), Col<ShareTransferRow>("model_id", r => r.ModelId), Col<ShareTransferRow>("amount", r => r.Amount));
        await InsertAsync(c, t, "reward_pool_fundings", b.RewardPoolFundings, ct, [.. Position<RewardPoolFundingRow>(r => (r.BlockNumber, r.LogIndex, r.TxHash)),
            Col<RewardPoolFundingRow>("model_id", r => r.ModelId), Col<RewardPoolFundingRow>("from_address", r => r.FromAddress),
            Col<RewardPoolFundingRow>("amount", r => r.Amount)]);
        await InsertAsync(c, t, "epoch_postings", b.EpochPostings, ct, [.. Position<EpochPostingRow>(r => (r.BlockNumber, r.LogIndex, r.TxHash)),
            Col<EpochPostingRow>("model_id", r => r.ModelId), Col<EpochPostingRow>("epoch", r => r.Epoch), Col<EpochPostingRow>("root", r => r.Root),
            Col<EpochPostingRow>("total_open", r => r.TotalOpen), Col<EpochPostingRow>("total_shares", r => r.TotalShares),
            Col<EpochPostingRow>("report_hash", r => r.ReportHash), Col<EpochPostingRow>("report_uri", r => r.ReportUri),
            Col<EpochPostingRow>("challenge_ends_at", r => r.ChallengeEndsAt)]);
        await InsertAsync(c, t, "epoch_vetoes", b.EpochVetoes, ct, [.. Position<EpochVetoRow>(r => (r.BlockNumber, r.LogIndex, r.TxHash)),
            Col<EpochVetoRow>("model_id", r => r.ModelId), Col<EpochVetoRow>("epoch", r => r.Epoch), Col<EpochVetoRow>("vetoed_by", r => r.VetoedBy),
            Col<EpochVetoRow>("reason", r => r.Reason)]);
        await InsertAsync(c, t, "claims", b.Claims, ct, [.. Position<ClaimRow>(r => (r.BlockNumber, r.LogIndex, r.TxHash)),
            Col<ClaimRow>("model_id", r => r.ModelId), Col<ClaimRow>("epoch", r => r.Epoch), Col<ClaimRow>("account", r => r.Account),
            Col<ClaimRow>("leaf_index", r => r.LeafIndex), Col<ClaimRow>("open_amount", r => r.OpenAmount), Col<ClaimRow>("share_amount", r => r.ShareAmount)]);
        await InsertAsync(c, t, "challenge_window_updates", b.ChallengeWindows, ct, [.. Position<ChallengeWindowRow>(r => (r.BlockNumber, r.LogIndex, r.TxHash)),
            Col<ChallengeWindowRow>("seconds", r => r.Seconds)]);
        await InsertAsync(c, t, "evaluation_commitments", b.EvaluationCommitments, ct, [.. Position<EvaluationCommitmentRow>(r => (r.BlockNumber, r.LogIndex, r.TxHash)),
            Col<EvaluationCommitmentRow>("model_id", r => r.ModelId), Col<EvaluationCommitmentRow>("epoch", r => r.Epoch),
            Col<EvaluationCommitmentRow>("test_set_hash", r => r.TestSetHash)]);
    }

    // All the batch's block hashes in one statement: one round trip, where a statement per block would take a round trip each.
    private protected override async Task RememberBlocksAsync(DbConnection connection, DbTransaction tx, IReadOnlyCollection<BlockRef> blocks, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO block_hashes (block_number, block_hash) SELECT * FROM unnest($1, $2)
            ON CONFLICT (block_number) DO UPDATE SET block_hash = excluded.block_hash;
            """, (NpgsqlConnection)connection, (NpgsqlTransaction)tx);
        command.Parameters.Add(new NpgsqlParameter { Value = blocks.Select(b => b.Number).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = blocks.Select(b => b.Hash.ToString()).ToArray() });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>One column of a table: its name and how to make the array of its values from the rows.</summary>
    private sealed record Column<T>(string Name, Func<List<T>, object> Values);

    private static Column<T> Col<T>(string name, Func<T, long> value) => new(name, rows => rows.Select(value).ToArray());
    private static Column<T> Col<T>(string name, Func<T, bool> value) => new(name, rows => rows.Select(value).ToArray());
    private static Column<T> Col<T>(string name, Func<T, string?> value) => new(name, rows => rows.Select(value).ToArray());
    private static Column<T> Col<T>(string name, Func<T, byte[]> value) => new(name, rows => rows.Select(value).ToArray());

    // The position columns every event table but contributions and share transfers starts with.
    private static Column<T>[] Position<T>(Func<T, (long Block, int Log, string Tx)> position) =>
        [Col<T>("block_number", r => position(r).Block), Col<T>("log_index", r => (long)position(r).Log), Col<T>("tx_hash", r => position(r).Tx)];

    private static async Task InsertAsync<T>(NpgsqlConnection connection, NpgsqlTransaction tx, string table, List<T> rows, CancellationToken ct,
        params Column<T>[] columns)
    {
        if (rows.Count == 0) return;
        await using var command = new NpgsqlCommand(
            $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) " +
            $"SELECT * FROM unnest({string.Join(", ", columns.Select((_, i) => $"${i + 1}"))}) ON CONFLICT DO NOTHING;", connection, tx);
        foreach (var column in columns) command.Parameters.Add(new NpgsqlParameter { Value = column.Values(rows) });
        await command.ExecuteNonQueryAsync(ct);
    }
}

using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using OpenLedger.Indexer.Store.Rows;

namespace OpenLedger.Indexer.Store.Sqlite;

public sealed partial class SqliteIndexStore
{
    private protected override async Task InsertRowsAsync(DbConnection connection, DbTransaction tx, RangeBatch b, bool aboveCursor, CancellationToken ct)
    {
        Task Run<T>(string sql, List<T> rows) =>
            rows.Count == 0 ? Task.CompletedTask : connection.ExecuteAsync(new CommandDefinition(sql, rows, tx, cancellationToken: ct));

        await Run("""
            INSERT OR IGNORE INTO models (model_id, owner, metadata_uri, block_number, log_index, tx_hash)
            VALUES (@ModelId, @Owner, @MetadataUri, @BlockNumber, @LogIndex, @TxHash);
            """, b.Models);
        await Run("""
            INSERT OR IGNORE INTO model_policies (block_number, log_index, tx_hash, model_id, min_bond, bond_lock, dispute_window, owner_bps, pool_bps, commit_reveal, min_precision_bps)
            VALUES (@BlockNumber, @LogIndex, @TxHash, @ModelId, @MinBond, @BondLock, @DisputeWindow, @OwnerBps, @PoolBps, @CommitReveal, @MinPrecisionBps);
            """, b.ModelPolicies);
        await Run("""
            INSERT OR IGNORE INTO validator_updates (block_number, log_index, tx_hash, model_id, validator, allowed)
            VALUES (@BlockNumber, @LogIndex, @TxHash, @ModelId, @Validator, @Allowed);
            """, b.ValidatorUpdates);
        await Run("""
            INSERT OR IGNORE INTO commitments (block_number, log_index, tx_hash, commitment, committer, commit_block)
            VALUES (@BlockNumber, @LogIndex, @TxHash, @Commitment, @Committer, @CommitBlock);
            """, b.Commitments);
        InsertContributions((SqliteConnection)connection, b.Contributions, ct);
        await Run("""
            INSERT OR IGNORE INTO flags (block_number, log_index, tx_hash, contribution_id, actor, action, reason)
            VALUES (@BlockNumber, @LogIndex, @TxHash, @ContributionId, @Actor, @Action, @Reason);
            """, b.Flags);
        await Run("""
            INSERT OR IGNORE INTO slashes (block_number, log_index, tx_hash, contribution_id, model_id, amount)
            VALUES (@BlockNumber, @LogIndex, @TxHash, @ContributionId, @ModelId, @Amount);
            """, b.Slashes);
        await Run("""
            INSERT OR IGNORE INTO bond_withdrawals (block_number, log_index, tx_hash, contribution_id, contributor, amount)
            VALUES (@BlockNumber, @LogIndex, @TxHash, @ContributionId, @Contributor, @Amount);
            """, b.BondWithdrawals);
        await Run("""
            INSERT OR IGNORE INTO supersessions (block_number, log_index, tx_hash, contribution_id, model_id, contributor, superseded_by, forfeited)
            VALUES (@BlockNumber, @LogIndex, @TxHash, @ContributionId, @ModelId, @Contributor, @By, @Forfeited);
            """, b.Supersessions);
        await Run("""
            INSERT OR IGNORE INTO revenue_deposits (block_number, log_index, tx_hash, model_id, depositor, amount, to_owner, to_reward_pool, to_holders)
            VALUES (@BlockNumber, @LogIndex, @TxHash, @ModelId, @Depositor, @Amount, @ToOwner, @ToRewardPool, @ToHolders);
            """, b.RevenueDeposits);
        await Run("""
            INSERT OR IGNORE INTO revenue_withdrawals (block_number, log_index, tx_hash, model_id, account, amount)
            VALUES (@BlockNumber, @LogIndex, @TxHash, @ModelId, @Account, @Amount);
            """, b.RevenueWithdrawals);
        await Run("""
            INSERT OR IGNORE INTO share_transfers (block_number, log_index, batch_index, tx_hash, operator, from_address, to_address, model_id, amount)
            VALUES (@BlockNumber, @LogIndex, @BatchIndex, @TxHash, @Operator, @FromAddress, @ToAddress, @ModelId, @Amount);
            """, b.ShareTransfers);
        await Run("""
            INSERT OR IGNORE INTO reward_pool_fundings (block_number, log_index, tx_hash, model_id, from_address, amount)
            VALUES (@BlockNumber, @LogIndex, @TxHash, @ModelId, @FromAddress, @Amount);
            """, b.RewardPoolFundings);
        await Run("""
            INSERT OR IGNORE INTO epoch_postings (block_number, log_index, tx_hash, model_id, epoch, root, total_open, total_shares, report_hash, report_uri, challenge_ends_at)
            VALUES (@BlockNumber, @LogIndex, @TxHash, @ModelId, @Epoch, @Root, @TotalOpen, @TotalShares, @ReportHash, @ReportUri, @ChallengeEndsAt);
            """, b.EpochPostings);
        await Run("""
            INSERT OR IGNORE INTO epoch_vetoes (block_number, log_index, tx_hash, model_id, epoch, vetoed_by, reason)
            VALUES (@BlockNumber, @LogIndex, @TxHash, @ModelId, @Epoch, @VetoedBy, @Reason);
            """, b.EpochVetoes);
        await Run("""
            INSERT OR IGNORE INTO claims (block_number, log_index, tx_hash, model_id, epoch, account, leaf_index, open_amount, share_amount)
            VALUES (@BlockNumber, @LogIndex, @TxHash, @ModelId, @Epoch, @Account, @LeafIndex, @OpenAmount, @ShareAmount);
            """, b.Claims);
        await Run("""
            INSERT OR IGNORE INTO challenge_window_updates (block_number, log_index, tx_hash, seconds)
            VALUES (@BlockNumber, @LogIndex, @TxHash, @Seconds);
            """, b.ChallengeWindows);
        await Run("""
            INSERT OR IGNORE INTO evaluation_commitments (block_number, log_index, tx_hash, model_id, epoch, test_set_hash, block_hash)
            VALUES (@BlockNumber, @LogIndex, @TxHash, @ModelId, @Epoch, @TestSetHash, @BlockHash);
            """, b.EvaluationCommitments);

    }

    // Contributions are the bulk of the data (a registerBatch log carries many). They go through one SQLite statement
    // on the connection's own handle, inside the range's transaction: binding and stepping natively per row skips
    // ADO.NET's per-execution work (parameter lookup by name, a data reader per row), which cost more than the insert.
    // Ids, hashes and the contributor are bound as the bytes they are (migration 3).
    private const string ContributionInsertSql = """
        INSERT OR IGNORE INTO contributions (id, model_id, contributor, content_hash, kind, uri, bond, block_number, log_index, batch_index, tx_hash, status, current_bond)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'active', ?7);
        """;

    private static void InsertContributions(SqliteConnection connection, List<ContributionRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(db, ContributionInsertSql, out var statement), db);
        // Text goes in as UTF-8 written into one reused buffer (SQLite copies it), not a new byte array per value.
        var buffer = new byte[1024];
        void Text(int index, string value)
        {
            var max = System.Text.Encoding.UTF8.GetMaxByteCount(value.Length);
            if (max > buffer.Length) buffer = new byte[max];
            var length = System.Text.Encoding.UTF8.GetBytes(value, buffer);
            Check(raw.sqlite3_bind_text(statement, index, buffer.AsSpan(0, length)), db);
        }
        void Bytes(int index, ReadOnlySpan<byte> value) => Check(raw.sqlite3_bind_blob(statement, index, value), db);
        using (statement)
        {
            for (var r = 0; r < rows.Count; r++)
            {
                if ((r & 1023) == 0) ct.ThrowIfCancellationRequested();
                var row = rows[r];
                Bytes(1, row.Id.AsSpan());
                Check(raw.sqlite3_bind_int64(statement, 2, row.ModelId), db);
                Bytes(3, row.Contributor.AsSpan());
                Bytes(4, row.ContentHash.AsSpan());
                Check(raw.sqlite3_bind_int64(statement, 5, row.Kind), db);
                Text(6, row.Uri);
                Text(7, row.Bond);
                Check(raw.sqlite3_bind_int64(statement, 8, row.BlockNumber), db);
                Check(raw.sqlite3_bind_int64(statement, 9, row.LogIndex), db);
                Check(raw.sqlite3_bind_int64(statement, 10, row.BatchIndex), db);
                Bytes(11, row.TxHash.AsSpan());
                var step = raw.sqlite3_step(statement);
                if (step != raw.SQLITE_DONE) Check(step, db);
                Check(raw.sqlite3_reset(statement), db);
            }
        }
    }

    private static void Check(int code, sqlite3 db)
    {
        if (code != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(code, db);
    }
}

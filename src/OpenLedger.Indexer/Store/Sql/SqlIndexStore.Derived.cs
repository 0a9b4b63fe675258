using System.Numerics;
using Dapper;
using System.Data.Common;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Indexer.Store.Sql;

// Derived state is a pure function of the event rows of its key, so recomputing it after any insert or delete
// gives the same table as indexing the final chain once. Amounts are uint256 as decimal text: summed in C#.
public abstract partial class SqlIndexStore
{
    private const string ZeroAddress = "0x0000000000000000000000000000000000000000";

    private static async Task RecomputeAsync(DbConnection connection, DbTransaction tx, AffectedKeys keys, CancellationToken ct)
    {
        foreach (var model in keys.Models) await RecomputeModelAsync(connection, tx, model, ct);
        foreach (var key in keys.Validators) await RecomputeValidatorAsync(connection, tx, key.ModelId, key.Validator, ct);
        foreach (var id in keys.Contributions) await RecomputeContributionAsync(connection, tx, id, ct);
        foreach (var key in keys.Balances)
            if (key.Account != ZeroAddress) await RecomputeBalanceAsync(connection, tx, key.ModelId, key.Account, ct);
        foreach (var key in keys.Epochs) await RecomputeEpochAsync(connection, tx, key.ModelId, key.Epoch, ct);
    }

    private static Task RecomputeModelAsync(DbConnection connection, DbTransaction tx, long modelId, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            UPDATE models SET (min_bond, bond_lock, dispute_window, owner_bps, pool_bps, commit_reveal, min_precision_bps) =
              (SELECT min_bond, bond_lock, dispute_window, owner_bps, pool_bps, commit_reveal, min_precision_bps FROM model_policies
               WHERE model_id = @modelId ORDER BY block_number DESC, log_index DESC LIMIT 1)
            WHERE model_id = @modelId AND EXISTS (SELECT 1 FROM model_policies WHERE model_id = @modelId);
            """, new { modelId }, tx, cancellationToken: ct));

    private static async Task RecomputeValidatorAsync(DbConnection connection, DbTransaction tx, long modelId, string validator, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM validators WHERE model_id = @modelId AND validator = @validator;", new { modelId, validator }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO validators (model_id, validator, allowed, updated_block)
            SELECT model_id, validator, allowed, block_number FROM validator_updates
            WHERE model_id = @modelId AND validator = @validator ORDER BY block_number DESC, log_index DESC LIMIT 1;
            """, new { modelId, validator }, tx, cancellationToken: ct));
    }

    private static async Task RecomputeContributionAsync(DbConnection connection, DbTransaction tx, string id, CancellationToken ct)
    {
        // The event tables name the contribution in 0x text; contributions keys it by its bytes. An id has more than one
        // registration only when a reveal took the content back (ContributionSuperseded): each event then belongs to
        // the registration that was current when it happened, the last one before it in chain order.
        var key = Hex.Decode(id);
        var registrations = (await connection.QueryAsync<(long Block, long Log, long Batch, string Bond)>(new CommandDefinition(
            "SELECT block_number, log_index, batch_index, bond FROM contributions WHERE id = @key ORDER BY 1, 2, 3;",
            new { key }, tx, cancellationToken: ct))).AsList();
        if (registrations.Count == 0) return;
        var events = await connection.QueryAsync<(long Block, long Log, string What)>(new CommandDefinition("""
            SELECT block_number, log_index, action FROM flags WHERE contribution_id = @id
            UNION ALL SELECT block_number, log_index, 'slashed' FROM slashes WHERE contribution_id = @id
            UNION ALL SELECT block_number, log_index, 'withdrawn' FROM bond_withdrawals WHERE contribution_id = @id
            UNION ALL SELECT block_number, log_index, 'superseded' FROM supersessions WHERE contribution_id = @id
            ORDER BY 1, 2;
            """, new { id }, tx, cancellationToken: ct));
        var states = registrations.Select(r => (Status: "active", Current: r.Bond)).ToArray();
        var current = 0;
        foreach (var e in events)
        {
            // An event never shares a log with a registration, so "before" is strict.
            while (current + 1 < registrations.Count && (registrations[current + 1].Block, registrations[current + 1].Log).CompareTo((e.Block, e.Log)) < 0)
                current++;
            ref var state = ref states[current];
            switch (e.What)
            {
                case Rows.FlagRow.Flagged: state.Status = "flagged"; break;
                case Rows.FlagRow.Dismissed: state.Status = "active"; break;
                case "slashed": state.Status = "slashed"; state.Current = "0"; break;
                case "withdrawn": state.Current = "0"; break;
                case "superseded": state.Status = "superseded"; state.Current = "0"; break;
            }
        }
        for (var i = 0; i < registrations.Count; i++)
        {
            var (block, log, batch, _) = registrations[i];
            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE contributions SET status = @status, current_bond = @current
                WHERE block_number = @block AND log_index = @log AND batch_index = @batch;
                """, new { block, log, batch, status = states[i].Status, current = states[i].Current }, tx, cancellationToken: ct));
        }
    }

    private static async Task RecomputeBalanceAsync(DbConnection connection, DbTransaction tx, long modelId, string account, CancellationToken ct)
    {
        var moves = await connection.QueryAsync<(string From, string Amount)>(new CommandDefinition("""
            SELECT from_address, amount FROM share_transfers WHERE model_id = @modelId AND to_address = @account
            UNION ALL SELECT from_address, '-' || amount FROM share_transfers WHERE model_id = @modelId AND from_address = @account;
            """, new { modelId, account }, tx, cancellationToken: ct));
        var balance = BigInteger.Zero;
        foreach (var m in moves) balance += BigInteger.Parse(m.Amount);
        if (balance.IsZero)
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM share_balances WHERE model_id = @modelId AND account = @account;", new { modelId, account }, tx, cancellationToken: ct));
        else
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO share_balances (model_id, account, balance) VALUES (@modelId, @account, @balance)
                ON CONFLICT (model_id, account) DO UPDATE SET balance = excluded.balance;
                """, new { modelId, account, balance = balance.ToString() }, tx, cancellationToken: ct));
    }

    private static async Task RecomputeEpochAsync(DbConnection connection, DbTransaction tx, long modelId, long epoch, CancellationToken ct)
    {
        var key = new { modelId, epoch };
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM epochs WHERE model_id = @modelId AND epoch = @epoch;", key, tx, cancellationToken: ct));
        var postings = (await connection.QueryAsync<(long Block, long Log)>(new CommandDefinition(
            "SELECT block_number, log_index FROM epoch_postings WHERE model_id = @modelId AND epoch = @epoch ORDER BY 1 DESC, 2 DESC LIMIT 1;",
            key, tx, cancellationToken: ct))).AsList();
        if (postings.Count == 0) return;
        var (block, log) = postings[0];
        var after = new { modelId, epoch, block, log };
        var vetoed = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM epoch_vetoes WHERE model_id = @modelId AND epoch = @epoch AND (block_number, log_index) > (@block, @log);",
            after, tx, cancellationToken: ct)) > 0;
        var claims = await connection.QueryAsync<(string Open, string Shares)>(new CommandDefinition(
            "SELECT open_amount, share_amount FROM claims WHERE model_id = @modelId AND epoch = @epoch AND (block_number, log_index) > (@block, @log);",
            after, tx, cancellationToken: ct));
        BigInteger open = 0, shares = 0;
        long count = 0;
        foreach (var c in claims) { open += BigInteger.Parse(c.Open); shares += BigInteger.Parse(c.Shares); count++; }
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO epochs (model_id, epoch, status, root, total_open, total_shares, report_hash, report_uri, challenge_ends_at,
                                posted_block, claimed_open, claimed_shares, claim_count)
            SELECT model_id, epoch, @status, root, total_open, total_shares, report_hash, report_uri, challenge_ends_at,
                   block_number, @open, @shares, @count
            FROM epoch_postings WHERE block_number = @block AND log_index = @log;
            """, new { block, log, status = vetoed ? "vetoed" : "posted", open = open.ToString(), shares = shares.ToString(), count },
            tx, cancellationToken: ct));
    }
}

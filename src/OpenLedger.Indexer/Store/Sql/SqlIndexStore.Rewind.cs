using Dapper;
using System.Data.Common;
using OpenLedger.Indexer.Chain;

namespace OpenLedger.Indexer.Store.Sql;

public abstract partial class SqlIndexStore
{
    public async Task RewindAsync(BlockRef? ancestor, CancellationToken cancellationToken)
    {
        var above = ancestor?.Number ?? -1;
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await CheckWriterAsync(connection, tx, cancellationToken);
        var affected = await AffectedAboveAsync(connection, tx, above, cancellationToken);
        foreach (var table in EventTables)
            await connection.ExecuteAsync(new CommandDefinition(
                $"DELETE FROM {table} WHERE block_number > @above;", new { above }, tx, cancellationToken: cancellationToken));
        await EnsureIdIndexAsync(connection, tx, affected, cancellationToken);
        await RecomputeAsync(connection, tx, affected, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM block_hashes WHERE block_number > @above;", new { above }, tx, cancellationToken: cancellationToken));
        if (ancestor is { } a) await WriteCursorAsync(connection, tx, a, cancellationToken);
        else await connection.ExecuteAsync(new CommandDefinition("DELETE FROM cursor;", transaction: tx, cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
    }

    private static async Task<AffectedKeys> AffectedAboveAsync(DbConnection connection, DbTransaction tx, long above, CancellationToken ct)
    {
        var keys = new AffectedKeys();
        var p = new { above };
        async Task<IEnumerable<T>> Q<T>(string sql) => await connection.QueryAsync<T>(new CommandDefinition(sql, p, tx, cancellationToken: ct));

        foreach (var m in await Q<long>("SELECT model_id FROM model_policies WHERE block_number > @above;")) keys.Models.Add(m);
        foreach (var v in await Q<(long, string)>("SELECT model_id, validator FROM validator_updates WHERE block_number > @above;")) keys.Validators.Add(v);
        foreach (var id in await Q<string>("""
            SELECT contribution_id FROM flags WHERE block_number > @above
            UNION SELECT contribution_id FROM slashes WHERE block_number > @above
            UNION SELECT contribution_id FROM bond_withdrawals WHERE block_number > @above
            UNION SELECT contribution_id FROM supersessions WHERE block_number > @above;
            """)) keys.Contributions.Add(id);
        foreach (var b in await Q<(long, string)>("""
            SELECT model_id, from_address FROM share_transfers WHERE block_number > @above
            UNION SELECT model_id, to_address FROM share_transfers WHERE block_number > @above;
            """)) keys.Balances.Add(b);
        foreach (var e in await Q<(long, long)>("""
            SELECT model_id, epoch FROM epoch_postings WHERE block_number > @above
            UNION SELECT model_id, epoch FROM epoch_vetoes WHERE block_number > @above
            UNION SELECT model_id, epoch FROM claims WHERE block_number > @above;
            """)) keys.Epochs.Add(e);
        return keys;
    }
}

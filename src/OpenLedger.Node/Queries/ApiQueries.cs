using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using OpenLedger.Indexer;
using OpenLedger.Indexer.Store.Views;

namespace OpenLedger.Node.Queries;

/// <summary>
/// Read-only queries the API needs that <see cref="OpenLedger.Indexer.Store.IIndexReader"/> does not offer yet
/// (contribution kind and bond filters, an account's claims and revenue withdrawals across models). They read the
/// indexer's SQLite file through a read-only connection and belong in IIndexReader once the indexer adds them.
/// </summary>
public sealed class ApiQueries(IOptions<IndexerOptions> options)
{
    private const string ContributionColumns = """
        id AS Id, model_id AS ModelId, contributor AS Contributor, content_hash AS ContentHash, kind AS Kind, uri AS Uri,
        bond AS Bond, current_bond AS CurrentBond, status AS Status, block_number AS RegisteredBlock, log_index AS LogIndex,
        batch_index AS BatchIndex, tx_hash AS TxHash
        """;

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = options.Value.DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = true,
    }.ToString();

    /// <summary>Contributions in registration order after the keyset position, filtered; rows with a zero bond skipped when BondedOnly is set.</summary>
    public async Task<IReadOnlyList<ContributionView>> ListContributionsAsync(ContributionFilter filter, CancellationToken ct)
    {
        var where = new List<string>();
        if (filter.ModelId is not null) where.Add("model_id = @ModelId");
        if (filter.Contributor is not null) where.Add("contributor = @Contributor");
        if (filter.Kind is not null) where.Add("kind = @Kind");
        if (filter.Status is not null) where.Add("status = @Status");
        if (filter.BondedOnly) where.Add("bond <> '0'");
        if (filter.After is not null) where.Add("(block_number, log_index, batch_index) > (@Block, @Log, @Batch)");
        var sql = $"SELECT {ContributionColumns} FROM contributions {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")} " +
                  "ORDER BY block_number, log_index, batch_index LIMIT @Limit;";
        var after = filter.After ?? default;
        await using var c = await OpenAsync(ct);
        return (await c.QueryAsync<ContributionView>(new CommandDefinition(sql, new
        {
            filter.ModelId, filter.Contributor, filter.Kind, filter.Status,
            after.Block, Log = after.LogIndex, Batch = after.BatchIndex, filter.Limit,
        }, cancellationToken: ct))).AsList();
    }

    /// <summary>Models an account has registered contributions for.</summary>
    public async Task<IReadOnlyList<long>> ListContributedModelsAsync(string account, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return (await c.QueryAsync<long>(new CommandDefinition(
            "SELECT DISTINCT model_id FROM contributions WHERE contributor = @account ORDER BY model_id;", new { account }, cancellationToken: ct))).AsList();
    }

    /// <summary>An account's paid claims over every model, in chain order after the keyset position.</summary>
    public async Task<IReadOnlyList<AccountClaim>> ListClaimsAsync(string account, (long Block, long Log)? after, int limit, CancellationToken ct)
    {
        var a = after ?? (-1, -1);
        await using var c = await OpenAsync(ct);
        return (await c.QueryAsync<AccountClaim>(new CommandDefinition("""
            SELECT model_id AS ModelId, epoch AS Epoch, account AS Account, leaf_index AS LeafIndex, open_amount AS OpenAmount,
                   share_amount AS ShareAmount, block_number AS BlockNumber, log_index AS LogIndex, tx_hash AS TxHash
            FROM claims WHERE account = @account AND (block_number, log_index) > (@Block, @Log)
            ORDER BY block_number, log_index LIMIT @limit;
            """, new { account, a.Block, a.Log, limit }, cancellationToken: ct))).AsList();
    }

    /// <summary>An account's revenue withdrawals over every model, in chain order.</summary>
    public async Task<IReadOnlyList<RevenueWithdrawal>> ListRevenueWithdrawalsAsync(string account, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return (await c.QueryAsync<RevenueWithdrawal>(new CommandDefinition("""
            SELECT model_id AS ModelId, amount AS Amount, block_number AS BlockNumber, tx_hash AS TxHash
            FROM revenue_withdrawals WHERE account = @account ORDER BY block_number, log_index;
            """, new { account }, cancellationToken: ct))).AsList();
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync();
            throw new IndexerException($"opening SQLite database '{options.Value.DatabasePath}' read-only: {e.Message}", e);
        }
    }
}

using Dapper;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Indexer.Store.Views;

namespace OpenLedger.Indexer.Store.Sql;

public abstract partial class SqlIndexStore
{
    // Search reads are rare (a person typing into the explorer): the tables are scanned rather than indexed by hash,
    // which would cost every write an index entry. Contributions keep hashes as bytes (migration 3), the others as
    // text, so the contributions are read apart and turned into text here (a UNION of both types is SQLite-only).
    private const string TransactionEventsSql = """
        SELECT 'ModelCreated' AS Event, model_id AS ModelId, NULL AS Epoch, owner AS Account, NULL AS ContributionId, block_number AS BlockNumber, log_index AS LogIndex
          FROM models WHERE tx_hash = @text
        UNION ALL SELECT 'EpochPosted', model_id, epoch, NULL, NULL, block_number, log_index FROM epoch_postings WHERE tx_hash = @text
        UNION ALL SELECT 'RewardClaimed', model_id, epoch, account, NULL, block_number, log_index FROM claims WHERE tx_hash = @text
        UNION ALL SELECT 'RevenueDeposited', model_id, NULL, depositor, NULL, block_number, log_index FROM revenue_deposits WHERE tx_hash = @text
        UNION ALL SELECT 'RevenueWithdrawn', model_id, NULL, account, NULL, block_number, log_index FROM revenue_withdrawals WHERE tx_hash = @text
        UNION ALL SELECT 'ContributionSlashed', model_id, NULL, NULL, contribution_id, block_number, log_index FROM slashes WHERE tx_hash = @text;
        """;

    public async Task<IReadOnlyList<TransactionEventView>> ListTransactionEventsAsync(Hash32 txHash, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        var events = (await c.QueryAsync<TransactionEventView>(new CommandDefinition(TransactionEventsSql,
            new { text = txHash.ToString() }, cancellationToken: cancellationToken))).AsList();
        var registered = await c.QueryAsync<ContributionRecord>(new CommandDefinition(
            $"SELECT {ContributionRecord.Columns} FROM contributions WHERE tx_hash = @bytes;",
            new { bytes = txHash.ToArray() }, cancellationToken: cancellationToken));
        events.AddRange(registered.Select(r => r.ToView()).Select(v => new TransactionEventView
        {
            Event = "ContributionRegistered", ModelId = v.ModelId, Account = v.Contributor, ContributionId = v.Id,
            BlockNumber = v.RegisteredBlock, LogIndex = v.LogIndex,
        }));
        return [.. events.OrderBy(e => e.BlockNumber).ThenBy(e => e.LogIndex)];
    }

    public async Task<IReadOnlyList<ContributionView>> ListContributionsByContentHashAsync(Hash32 contentHash, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        var records = await c.QueryAsync<ContributionRecord>(new CommandDefinition(
            $"SELECT {ContributionRecord.Columns} FROM contributions WHERE content_hash = @hash ORDER BY block_number, log_index, batch_index;",
            new { hash = contentHash.ToArray() }, cancellationToken: cancellationToken));
        return [.. records.Select(r => r.ToView())];
    }

    public async Task<IReadOnlyList<FlagView>> ListFlagsAsync(Hash32 contributionId, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        return (await c.QueryAsync<FlagView>(new CommandDefinition(
            "SELECT action AS Action, actor AS Actor, reason AS Reason, block_number AS BlockNumber, tx_hash AS TxHash " +
            "FROM flags WHERE contribution_id = @id ORDER BY block_number, log_index;",
            new { id = contributionId.ToString() }, cancellationToken: cancellationToken))).AsList();
    }
}

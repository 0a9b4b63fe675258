using System.Numerics;
using Dapper;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Indexer.Store.Views;

namespace OpenLedger.Indexer.Store.Sql;

public abstract partial class SqlIndexStore
{
    private const string ModelColumns = """
        model_id AS ModelId, owner AS Owner, metadata_uri AS MetadataUri, block_number AS CreatedBlock, tx_hash AS TxHash,
        min_bond AS MinBond, bond_lock AS BondLock, dispute_window AS DisputeWindow, owner_bps AS OwnerBps, pool_bps AS PoolBps,
        commit_reveal AS CommitReveal, min_precision_bps AS MinPrecisionBps
        """;

    private const string EpochColumns = """
        model_id AS ModelId, epoch AS Epoch, status AS Status, root AS Root, total_open AS TotalOpen, total_shares AS TotalShares,
        report_hash AS ReportHash, report_uri AS ReportUri, challenge_ends_at AS ChallengeEndsAt, posted_block AS PostedBlock,
        claimed_open AS ClaimedOpen, claimed_shares AS ClaimedShares, claim_count AS ClaimCount
        """;

    private const string ClaimColumns = """
        model_id AS ModelId, epoch AS Epoch, account AS Account, leaf_index AS LeafIndex, open_amount AS OpenAmount,
        share_amount AS ShareAmount, block_number AS BlockNumber, log_index AS LogIndex, tx_hash AS TxHash
        """;

    public async Task<ModelView?> GetModelAsync(long modelId, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        return await c.QuerySingleOrDefaultAsync<ModelView>(new CommandDefinition(
            $"SELECT {ModelColumns} FROM models WHERE model_id = @modelId;", new { modelId }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ModelView>> ListModelsAsync(long afterModelId, int limit, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        return (await c.QueryAsync<ModelView>(new CommandDefinition(
            $"SELECT {ModelColumns} FROM models WHERE model_id > @afterModelId ORDER BY model_id LIMIT @limit;",
            new { afterModelId, limit }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<ValidatorView>> ListValidatorsAsync(long modelId, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        return (await c.QueryAsync<ValidatorView>(new CommandDefinition(
            "SELECT model_id AS ModelId, validator AS Validator, allowed AS Allowed, updated_block AS UpdatedBlock FROM validators " +
            "WHERE model_id = @modelId ORDER BY validator;", new { modelId }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<ContributionView?> GetContributionAsync(Hash32 id, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        // The id's current registration: the latest one (earlier rows of the id were superseded by a reveal).
        var record = await c.QueryFirstOrDefaultAsync<ContributionRecord>(new CommandDefinition(
            $"SELECT {ContributionRecord.Columns} FROM contributions WHERE id = @id ORDER BY block_number DESC, log_index DESC, batch_index DESC LIMIT 1;",
            new { id = id.ToArray() }, cancellationToken: cancellationToken));
        return record?.ToView();
    }

    public async Task<IReadOnlyList<ContributionView>> ListContributionsAsync(ContributionQuery query, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        if (query.ModelId is not null) where.Add("model_id = @ModelId");
        if (query.Contributor is not null) where.Add("contributor = @Contributor");
        if (query.Kind is not null) where.Add("kind = @Kind");
        if (query.Status is not null) where.Add("status = @Status");
        if (query.BondedOnly) where.Add("bond <> '0'");
        if (query.After is not null) where.Add("(block_number, log_index, batch_index) > (@Block, @Log, @Batch)");
        var sql = $"SELECT {ContributionRecord.Columns} FROM contributions {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")} " +
                  "ORDER BY block_number, log_index, batch_index LIMIT @Limit;";
        var after = query.After ?? default;
        await using var c = await OpenAsync(cancellationToken);
        var records = await c.QueryAsync<ContributionRecord>(new CommandDefinition(sql, new
        {
            query.ModelId, Contributor = query.Contributor is null ? null : Hex.Decode(query.Contributor), query.Kind, query.Status,
            after.Block, Log = after.LogIndex, Batch = after.BatchIndex, query.Limit,
        }, cancellationToken: cancellationToken));
        return [.. records.Select(r => r.ToView())];
    }

    public async Task<IReadOnlyList<long>> ListContributedModelsAsync(string account, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        return (await c.QueryAsync<long>(new CommandDefinition(
            "SELECT DISTINCT model_id FROM contributions WHERE contributor = @account ORDER BY model_id;",
            new { account = Hex.Decode(account) }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<ShareBalanceView>> ListShareBalancesAsync(long? modelId, string? account, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        return (await c.QueryAsync<ShareBalanceView>(new CommandDefinition(ShareBalancesSql(modelId is not null, account is not null),
            new { modelId, account = account?.ToLowerInvariant() }, cancellationToken: cancellationToken))).AsList();
    }

    // Only the filters given go into the SQL: "@account IS NULL OR account = @account" would keep SQLite off the indexes.
    internal static string ShareBalancesSql(bool byModel, bool byAccount)
    {
        var where = new List<string>();
        if (byModel) where.Add("model_id = @modelId");
        if (byAccount) where.Add("account = @account");
        return "SELECT model_id AS ModelId, account AS Account, balance AS Balance FROM share_balances " +
               $"{(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")} ORDER BY model_id, account;";
    }

    public async Task<EpochView?> GetEpochAsync(long modelId, long epoch, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        return await c.QuerySingleOrDefaultAsync<EpochView>(new CommandDefinition(
            $"SELECT {EpochColumns} FROM epochs WHERE model_id = @modelId AND epoch = @epoch;", new { modelId, epoch }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<EpochView>> ListEpochsAsync(long modelId, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        return (await c.QueryAsync<EpochView>(new CommandDefinition(
            $"SELECT {EpochColumns} FROM epochs WHERE model_id = @modelId ORDER BY epoch;", new { modelId }, cancellationToken: cancellationToken))).AsList();
    }

    private const string EvaluationCommitmentColumns = """
        model_id AS ModelId, epoch AS Epoch, test_set_hash AS TestSetHash, block_number AS BlockNumber, tx_hash AS TxHash,
        block_hash AS BlockHash
        """;

    // The contract takes one commitment per (model, epoch); should two rows ever meet, the first on chain is the one it kept.
    public async Task<EvaluationCommitmentView?> GetEvaluationCommitmentAsync(long modelId, long epoch, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        return await c.QueryFirstOrDefaultAsync<EvaluationCommitmentView>(new CommandDefinition(
            $"SELECT {EvaluationCommitmentColumns} FROM evaluation_commitments WHERE model_id = @modelId AND epoch = @epoch ORDER BY block_number, log_index LIMIT 1;",
            new { modelId, epoch }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<EvaluationCommitmentView>> ListEvaluationCommitmentsAsync(long modelId, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        return (await c.QueryAsync<EvaluationCommitmentView>(new CommandDefinition(
            $"SELECT {EvaluationCommitmentColumns} FROM evaluation_commitments WHERE model_id = @modelId ORDER BY epoch, block_number, log_index;",
            new { modelId }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<ClaimView>> ListClaimsAsync(long modelId, long? epoch, string? account, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        return (await c.QueryAsync<ClaimView>(new CommandDefinition($"""
            SELECT {ClaimColumns} FROM claims
            WHERE model_id = @modelId AND (@epoch IS NULL OR epoch = @epoch) AND (@account IS NULL OR account = @account)
            ORDER BY block_number, log_index;
            """, new { modelId, epoch, account = account?.ToLowerInvariant() }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<ClaimView>> ListAccountClaimsAsync(
        string account, (long Block, int LogIndex)? after, int limit, CancellationToken cancellationToken)
    {
        var (block, log) = after ?? (-1, -1);
        await using var c = await OpenAsync(cancellationToken);
        return (await c.QueryAsync<ClaimView>(new CommandDefinition(AccountClaimsSql,
            new { account = account.ToLowerInvariant(), block, log, limit }, cancellationToken: cancellationToken))).AsList();
    }

    // The account's claims and revenue withdrawals are searched through the indexes of migration 4 (held to it by a test).
    internal const string AccountClaimsSql = $"""
        SELECT {ClaimColumns} FROM claims WHERE account = @account AND (block_number, log_index) > (@block, @log)
        ORDER BY block_number, log_index LIMIT @limit;
        """;

    internal const string AccountRevenueWithdrawalsSql = """
        SELECT model_id AS ModelId, account AS Account, amount AS Amount, block_number AS BlockNumber, tx_hash AS TxHash
        FROM revenue_withdrawals WHERE account = @account ORDER BY block_number, log_index;
        """;

    public async Task<IReadOnlyList<RevenueWithdrawalView>> ListRevenueWithdrawalsAsync(string account, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        return (await c.QueryAsync<RevenueWithdrawalView>(new CommandDefinition(AccountRevenueWithdrawalsSql,
            new { account = account.ToLowerInvariant() }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<RevenueSummaryView> GetRevenueSummaryAsync(long modelId, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        var p = new { modelId };
        var deposits = (await c.QueryAsync<(string Amount, string Owner, string Pool, string Holders)>(new CommandDefinition(
            "SELECT amount, to_owner, to_reward_pool, to_holders FROM revenue_deposits WHERE model_id = @modelId;", p, cancellationToken: cancellationToken))).AsList();
        var withdrawn = await c.QueryAsync<string>(new CommandDefinition(
            "SELECT amount FROM revenue_withdrawals WHERE model_id = @modelId;", p, cancellationToken: cancellationToken));
        static string Sum(IEnumerable<string> values) => values.Aggregate(BigInteger.Zero, (s, v) => s + BigInteger.Parse(v)).ToString();
        return new RevenueSummaryView(modelId, Sum(deposits.Select(d => d.Amount)), Sum(deposits.Select(d => d.Owner)),
            Sum(deposits.Select(d => d.Pool)), Sum(deposits.Select(d => d.Holders)), Sum(withdrawn), deposits.Count);
    }
}

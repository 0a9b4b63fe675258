using System.Data.Common;
using Dapper;

namespace OpenLedger.Indexer.Store.Sql;

// A backfill inserts rows far faster than it reads them, and keeping the contributions' three secondary indexes (a
// random 32-byte id, model, contributor) up to date row by row costs more than the rows themselves: on PostgreSQL most
// of the server's CPU. Building an index once over the loaded table is a sort, far cheaper than as many random inserts,
// so a long backfill drops them and builds them at the head (Ponder builds its indexes after the historical sync the
// same way). Reads stay correct meanwhile, only slower. The state lives in the schema itself, transactionally, so a
// standby that takes over a backfill sees it and a crash between the last range and the build is finished on restart.
public abstract partial class SqlIndexStore
{
    // The one derived state needs during a backfill (see EnsureIdIndexAsync); declared first, as static fields are
    // initialised in order.
    private static readonly (string Name, string Create) IdIndex =
        ("contributions_id", "CREATE INDEX IF NOT EXISTS contributions_id ON contributions (id);");

    /// <summary>
    /// The contributions' secondary indexes as migrations 3 and 5 leave them on both engines (the primary key, the
    /// chain position, stays: replays and rewinds go through it). A test holds them to the migrated schema.
    /// </summary>
    internal static readonly IReadOnlyList<(string Name, string Create)> DeferrableIndexes =
    [
        IdIndex,
        ("contributions_model", "CREATE INDEX IF NOT EXISTS contributions_model ON contributions (model_id);"),
        ("contributions_contributor", "CREATE INDEX IF NOT EXISTS contributions_contributor ON contributions (contributor);"),
    ];

    /// <summary>The names of the indexes on the contributions table, from the engine's catalog.</summary>
    private protected abstract string ContributionIndexNamesSql { get; }

    // Known once asked: only this process writes the store while it holds the lease, and it changes them itself.
    private bool? _indexesDeferred;

    public async Task<bool> AreIndexesDeferredAsync(CancellationToken cancellationToken)
    {
        if (_indexesDeferred is { } known) return known;
        await using var connection = await OpenAsync(cancellationToken);
        var names = (await connection.QueryAsync<string>(new CommandDefinition(ContributionIndexNamesSql, cancellationToken: cancellationToken))).ToHashSet();
        return (_indexesDeferred = DeferrableIndexes.Any(i => !names.Contains(i.Name))).Value;
    }

    public async Task DeferIndexesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await CheckWriterAsync(connection, tx, cancellationToken);
        foreach (var (name, _) in DeferrableIndexes)
            await connection.ExecuteAsync(new CommandDefinition($"DROP INDEX IF EXISTS {name};", transaction: tx, cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
        _indexesDeferred = true;
    }

    public async Task<bool> BuildDeferredIndexesAsync(CancellationToken cancellationToken)
    {
        if (!await AreIndexesDeferredAsync(cancellationToken)) return false;
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await CheckWriterAsync(connection, tx, cancellationToken);
        foreach (var (_, create) in DeferrableIndexes)
            await connection.ExecuteAsync(new CommandDefinition(create, transaction: tx, cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
        _indexesDeferred = false;
        return true;
    }

    // Derived state looks contributions up by id: a range that flags, slashes, withdraws or supersedes one during a
    // deferred backfill builds the id index first (in the range's transaction, so a rollback leaves the schema as it
    // was), where each look-up would otherwise scan the whole table.
    private async Task EnsureIdIndexAsync(DbConnection connection, DbTransaction tx, AffectedKeys affected, CancellationToken ct)
    {
        if (affected.Contributions.Count == 0 || !await AreIndexesDeferredAsync(ct)) return;
        await connection.ExecuteAsync(new CommandDefinition(IdIndex.Create, transaction: tx, cancellationToken: ct));
    }
}

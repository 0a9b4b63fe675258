using Microsoft.Extensions.Options;
using OpenLedger.Indexer;
using OpenLedger.Indexer.Leadership;
using OpenLedger.Indexer.Store;
using OpenLedger.Indexer.Store.Sql;

namespace OpenLedger.Node.Health;

/// <summary>
/// Readies the store before the API starts listening, so no request can reach a database without tables. A writing
/// role takes the leader lease and creates or upgrades the schema; when another indexer holds the lease, a standby
/// starts (its worker waits for the lease) and anything else is refused. An API replica writes nothing: it only checks
/// that the schema is the one it reads. Every refusal happens before anything is written. Registered before the
/// indexer's worker: hosted services start in order.
/// </summary>
public sealed class StoreMigration(SqlIndexStore store, ILeaderLease lease, IOptions<IndexerOptions> options, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (NodeRoles.Of(configuration) == NodeRole.Api)
            {
                await CheckSchemaAsync(cancellationToken);
                return;
            }
            if (await lease.TryAcquireAsync(cancellationToken))
                await store.MigrateAsync(cancellationToken);
            else if (!options.Value.Standby)
                await LeaderStart.TakeAsync(lease, store, options.Value, null, cancellationToken); // throws the refusal
        }
        catch (IndexerException e)
        {
            throw new NodeStartupException(e.Message);
        }
    }

    private async Task CheckSchemaAsync(CancellationToken ct)
    {
        var version = await store.GetSchemaVersionAsync(ct);
        var latest = store is Indexer.Store.Postgres.PostgresIndexStore
            ? Indexer.Store.Postgres.PostgresIndexStore.LatestVersion
            : Indexer.Store.Sqlite.SqliteIndexStore.LatestVersion;
        if (version == latest) return;
        throw new NodeStartupException(version > latest
            ? $"{IndexStores.Describe(store)} has schema version {version} but this node reads versions up to {latest}"
            : $"{IndexStores.Describe(store)} has schema version {version} but this node reads version {latest}: start the indexer " +
              $"({NodeRoles.Setting}=indexer), which creates or upgrades it, before the API replicas");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using OpenLedger.Indexer.Store;

namespace OpenLedger.Node.Health;

/// <summary>
/// Creates or upgrades the schema before the API starts listening, so no request can reach a database without
/// tables. Registered before the indexer's worker: hosted services start in order, so the two never migrate at once.
/// </summary>
public sealed class StoreMigration(IIndexStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

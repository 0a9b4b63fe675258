using Npgsql;

namespace OpenLedger.Node.Epochs;

/// <summary>
/// Creates the PostgreSQL epoch tables at start in a writing role (indexer, all), after the index store is migrated and
/// before the start-up recovery reads them. Registered only there: an API replica runs no DDL.
/// </summary>
public sealed class EpochStoreSchema(IEpochStore store) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (store is not PostgresEpochStore postgres) return;
        try
        {
            await postgres.CreateSchemaAsync(cancellationToken);
        }
        catch (Exception e) when (e is EpochStoreException or NpgsqlException)
        {
            throw new NodeStartupException($"creating the epoch tables in {postgres.Describe}: {e.Message}");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

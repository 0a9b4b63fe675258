using Microsoft.Extensions.Options;
using OpenLedger.Indexer;
using OpenLedger.Indexer.Store;
using OpenLedger.Node.Distributions;

namespace OpenLedger.Node.Epochs;

public static class EpochsHostingExtensions
{
    /// <summary>
    /// Registers the epoch store of the configured provider (also as <see cref="IDistributionStore"/> for the proof
    /// routes) and, in the writing roles (all, indexer), options from section "Epochs", the chain access, the pipeline,
    /// the inbox watcher and the start-up reconciliation of unfinished postings. An API replica only reads the store.
    /// </summary>
    public static IHostApplicationBuilder AddOpenLedgerEpochs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EpochOptions>().BindConfiguration(EpochOptions.SectionName)
            .Validate(o => o.MaxReportBytes > 0, "Epochs:MaxReportBytes must be positive")
            .Validate(o => Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _), "Epochs:PublicBaseUrl must be an absolute URL")
            .ValidateOnStart();
        services.AddSingleton<IEpochStore>(sp => Create(sp.GetRequiredService<IOptions<StoreOptions>>().Value,
            sp.GetRequiredService<IOptions<EpochOptions>>().Value, sp.GetRequiredService<IOptions<IndexerOptions>>().Value));
        services.AddSingleton<IDistributionStore>(sp => sp.GetRequiredService<IEpochStore>());
        if (NodeRoles.Of(builder.Configuration) == NodeRole.Api) return builder;

        // Hosted services start in order: the tables exist before the recovery reads them.
        services.AddHostedService<EpochStoreSchema>();
        services.AddSingleton<ReporterChain>();
        services.AddSingleton<ReportCrossCheck>();
        services.AddSingleton<EpochSubmitter>();
        services.AddHostedService<EpochRecovery>();
        services.AddSingleton<ReportInbox>();
        services.AddHostedService(sp => sp.GetRequiredService<ReportInbox>());
        return builder;
    }

    /// <summary>
    /// PostgreSQL: the index's database, so every role on every machine reads the same epochs (Epochs:DataDirectory
    /// is not used). SQLite: files and epochs.db in Epochs:DataDirectory, by default epochs/ beside Indexer:DatabasePath.
    /// </summary>
    private static IEpochStore Create(StoreOptions store, EpochOptions epochs, IndexerOptions indexer)
    {
        if (store.Provider == StoreOptions.Postgres)
            return new PostgresEpochStore(store.ConnectionString, $"{StoreOptions.SectionName}:ConnectionString");
        var directory = epochs.DataDirectory;
        if (directory.Length == 0)
        {
            // Indexer:DatabasePath is required with SQLite (IndexerOptionsValidator), so this path is never empty.
            var database = Path.GetFullPath(indexer.DatabasePath);
            directory = Path.Combine(Path.GetDirectoryName(database)!, "epochs");
        }
        return new SqliteEpochStore(directory);
    }
}

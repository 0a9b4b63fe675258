using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Indexer.Chain;
using OpenLedger.Indexer.Deployment;
using OpenLedger.Indexer.Store;
using OpenLedger.Indexer.Store.Sqlite;
using OpenLedger.Indexer.Sync;

namespace OpenLedger.Indexer;

public static class IndexerHostingExtensions
{
    /// <summary>
    /// Registers the indexer: options from section "Indexer" (validated at start), the SQLite store (also as
    /// <see cref="IIndexReader"/> for the query API), <see cref="IndexerHealth"/> and the background worker.
    /// </summary>
    public static IHostApplicationBuilder AddOpenLedgerIndexer(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<IndexerOptions>().BindConfiguration(IndexerOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IndexerOptions>, IndexerOptionsValidator>();
        services.AddSingleton<IndexerHealth>();
        services.AddSingleton(sp => new SqliteIndexStore(sp.GetRequiredService<IOptions<IndexerOptions>>().Value.DatabasePath));
        services.AddSingleton<IIndexStore>(sp => sp.GetRequiredService<SqliteIndexStore>());
        services.AddSingleton<IIndexReader>(sp => sp.GetRequiredService<SqliteIndexStore>());
        services.AddSingleton<IChainReader>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<IndexerOptions>>().Value;
            return new RpcChainReader(new JsonRpcClient(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, new Uri(options.RpcUrl)));
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<IndexerOptions>>().Value;
            return new ChainIndexer(sp.GetRequiredService<IChainReader>(), sp.GetRequiredService<IIndexStore>(),
                DeploymentFile.Load(options.DeploymentFile), options, sp.GetRequiredService<IndexerHealth>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger<ChainIndexer>());
        });
        services.AddHostedService<IndexerWorker>();
        return builder;
    }
}

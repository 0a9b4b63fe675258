using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Indexer.Chain;
using OpenLedger.Indexer.Deployment;
using OpenLedger.Indexer.Store;
using OpenLedger.Indexer.Leadership;
using OpenLedger.Indexer.Store.Sql;
using OpenLedger.Indexer.Sync;

namespace OpenLedger.Indexer;

public static class IndexerHostingExtensions
{
    /// <summary>
    /// Registers the indexer: options from sections "Indexer" and "Store" (validated at start), the store they name
    /// (also as <see cref="IIndexReader"/> for the query API) with its leader lease, <see cref="IndexerHealth"/> and,
    /// unless <paramref name="worker"/> is false (an API replica), the background worker.
    /// </summary>
    public static IHostApplicationBuilder AddOpenLedgerIndexer(this IHostApplicationBuilder builder, bool worker = true)
    {
        var services = builder.Services;
        services.AddOptions<IndexerOptions>().BindConfiguration(IndexerOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IndexerOptions>, IndexerOptionsValidator>();
        services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StoreOptions>, StoreOptionsValidator>();
        services.AddSingleton<IndexerHealth>();
        services.AddSingleton(sp => new WriterStanding(sp.GetRequiredService<IOptions<IndexerOptions>>().Value));
        services.AddSingleton(sp => IndexStores.Create(
            sp.GetRequiredService<IOptions<StoreOptions>>().Value, sp.GetRequiredService<IOptions<IndexerOptions>>().Value));
        services.AddSingleton<IIndexStore>(sp => sp.GetRequiredService<SqlIndexStore>());
        services.AddSingleton<IIndexReader>(sp => sp.GetRequiredService<SqlIndexStore>());
        services.AddSingleton(sp => IndexStores.Lease(sp.GetRequiredService<SqlIndexStore>()));
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
        if (worker) services.AddHostedService<IndexerWorker>();
        return builder;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Indexer.Chain;
using OpenLedger.Indexer.Store.Sqlite;
using OpenLedger.Indexer.Sync;
using OpenLedger.Indexer.Tests.Support;
using Fault = OpenLedger.Indexer.Tests.Support.FaultProxy.Fault;

namespace OpenLedger.Indexer.Tests;

public sealed class FaultChain() : LoadedChain(1_000, batch: 5, txsPerBlock: 4);

/// <summary>The indexer behind a proxy that fails requests on purpose.</summary>
public sealed class RpcFaultTests(FaultChain chain, StoreEngines engines) : IClassFixture<FaultChain>, IClassFixture<StoreEngines>
{
    private static readonly JsonRpcClientOptions ImpatientClient = new()
    {
        RequestTimeout = TimeSpan.FromSeconds(1), MaxRetries = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(10), MaxRetryDelay = TimeSpan.FromMilliseconds(50),
    };

    [Theory]
    [InlineData(1, "sqlite")]
    [InlineData(2, "sqlite")]
    [InlineData(1, "postgres")]
    [InlineData(2, "postgres")]
    public async Task Through_500s_429s_timeouts_drops_truncation_and_too_many_results_indexing_ends_with_the_same_database(int seed, string engineName)
    {
        var engine = engines[engineName];
        var clean = await Harness.FreshDumpAsync(chain.Node.Url, chain.DeploymentFile, engine.Create($"clean-{seed}"));
        using var proxy = new FaultProxy(chain.Node.Url, seed, faultRate: 0.2, maxLogRange: 16);
        var options = Harness.Options(proxy.Url, chain.DeploymentFile, "unused", range: 64, maxRange: 256);
        var store = engine.Create($"faulty-{seed}");
        var indexer = Harness.Indexer(new RpcChainReader(Harness.Client(proxy.Url, ImpatientClient)), options, store);
        await RetryTransientAsync(() => indexer.InitializeAsync(CancellationToken.None));
        await indexer.RunAsync(stopAtHead: true, CancellationToken.None);

        Assert.Equal(clean, DatabaseDump.Canonical(store));
        Assert.All([Fault.Http500, Fault.Http429, Fault.Timeout, Fault.Drop, Fault.Truncate, Fault.TooManyResults],
            f => Assert.True(proxy.Count(f) > 0, $"no {f} was injected"));
        // The proxy refuses every eth_getLogs wider than 16 blocks and the indexer started at 64, so a whole database
        // means every refused range was split. (Its size at the end is not checked: two small answers in a row near
        // the head widen it again, legitimately; RangeSizerTests covers halving and widening.)
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_permanent_error_stops_progress_names_the_range_and_endpoint_and_flips_health(string engineName)
    {
        using var proxy = new FaultProxy(chain.Node.Url, seed: 3, faultRate: 0) { PermanentLogsError = (-32602, "invalid params: bad filter") };
        var store = engines[engineName].Create("permanent");
        var health = new IndexerHealth();
        var options = Harness.Options(proxy.Url, chain.DeploymentFile, "unused", range: 50);
        var indexer = Harness.Indexer(new RpcChainReader(Harness.Client(proxy.Url, ImpatientClient)), options, store, health);
        await indexer.InitializeAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<ChainReadException>(() => indexer.RunAsync(stopAtHead: true, CancellationToken.None));
        Assert.Equal(ChainFailure.Permanent, error.Failure);
        Assert.Matches($@"^fetching logs \d+-\d+ from {proxy.Url}: eth_getLogs: .*invalid params: bad filter", error.Message);
        Assert.Equal(HealthStatus.Unhealthy, health.Report.Status);
        Assert.Contains("invalid params", health.Report.Description);
        Assert.Null(await store.GetCursorAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_permanent_error_in_the_hosted_worker_is_logged_once_and_leaves_the_host_running()
    {
        using var proxy = new FaultProxy(chain.Node.Url, seed: 4, faultRate: 0) { PermanentLogsError = (-32602, "invalid params: bad filter") };
        var logs = new CapturingLoggerProvider();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Indexer:RpcUrl"] = proxy.Url.ToString(), ["Indexer:ChainId"] = "31337",
            ["Indexer:DeploymentFile"] = chain.DeploymentFile, ["Indexer:DatabasePath"] = chain.Directory.File("hosted-permanent.db"),
        });
        builder.AddOpenLedgerIndexer();
        using var host = builder.Build();
        var health = host.Services.GetRequiredService<IndexerHealth>();
        await host.StartAsync();
        for (var i = 0; i < 3000 && health.Report.Status != HealthStatus.Unhealthy; i++) await Task.Delay(10);
        Assert.Equal(HealthStatus.Unhealthy, health.Report.Status);
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested, "the failure stopped the host");
        await host.StopAsync();

        var errors = logs.Entries.Where(e => e.Level >= LogLevel.Error).ToArray();
        var error = Assert.Single(errors);
        Assert.Contains("invalid params: bad filter", error.Message);
    }

    private static async Task RetryTransientAsync(Func<Task> action)
    {
        for (var attempt = 1; ; attempt++)
        {
            try { await action(); return; }
            catch (ChainReadException e) when (e.Failure == ChainFailure.Transient && attempt < 20) { }
        }
    }
}

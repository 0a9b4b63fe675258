using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenLedger.Indexer.Store;
using OpenLedger.Indexer.Sync;
using OpenLedger.Indexer.Tests.Support;
using OpenLedger.TestSupport;

namespace OpenLedger.Indexer.Tests;

public sealed class IndexerWorkerTests
{
    [Fact]
    public async Task A_missing_deployment_file_marks_the_indexer_unhealthy_without_stopping_the_host()
    {
        using var dir = new TempDirectory();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Indexer:RpcUrl"] = "http://127.0.0.1:9", ["Indexer:ChainId"] = "31337",
            ["Indexer:DeploymentFile"] = dir.File("missing.json"), ["Indexer:DatabasePath"] = dir.File("index.db"),
        });
        builder.AddOpenLedgerIndexer();
        using var host = builder.Build();
        var health = host.Services.GetRequiredService<IndexerHealth>();
        Assert.NotNull(host.Services.GetRequiredService<IIndexReader>());
        await host.StartAsync();
        for (var i = 0; i < 500 && health.Report.Status != HealthStatus.Unhealthy; i++) await Task.Delay(10);

        Assert.Equal(HealthStatus.Unhealthy, health.Report.Status);
        Assert.Contains("missing.json' does not exist", health.Report.Description);
        await host.StopAsync();
    }
}

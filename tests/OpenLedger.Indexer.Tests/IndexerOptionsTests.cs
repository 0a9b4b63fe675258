using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OpenLedger.Indexer.Tests;

public sealed class IndexerOptionsTests
{
    private static IndexerOptions Valid() => new()
    {
        RpcUrl = "http://127.0.0.1:8545", ChainId = 31337, DeploymentFile = "deployments/localhost.json", DatabasePath = "index.db",
    };

    [Fact]
    public void Valid_options_pass() => Assert.Empty(IndexerOptionsValidator.Check(Valid()));

    public static TheoryData<string, Action<IndexerOptions>> Invalid => new()
    {
        { "Indexer:RpcUrl", o => o.RpcUrl = "" },
        { "Indexer:RpcUrl", o => o.RpcUrl = "ws://127.0.0.1:8546" },
        { "Indexer:ChainId", o => o.ChainId = 0 },
        { "Indexer:DeploymentFile", o => o.DeploymentFile = " " },
        { "Indexer:DatabasePath", o => o.DatabasePath = "" },
        { "Indexer:Confirmations", o => o.Confirmations = -1 },
        { "Indexer:PollingInterval", o => o.PollingInterval = TimeSpan.Zero },
        { "Indexer:InitialBlockRange", o => o.InitialBlockRange = 0 },
        { "Indexer:MaxBlockRange", o => o.MaxBlockRange = o.InitialBlockRange - 1 },
        { "Indexer:ReorgWindow", o => o.ReorgWindow = 0 },
    };

    [Fact]
    public void The_database_file_is_required_with_sqlite_only()
    {
        var options = Valid();
        options.DatabasePath = "";
        Assert.Empty(IndexerOptionsValidator.Check(options, "postgres"));
        Assert.Equal("Indexer:DatabasePath must name the SQLite database file but is empty (Store:Provider is 'sqlite')",
            Assert.Single(IndexerOptionsValidator.Check(options, "sqlite")));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Each_invalid_setting_is_reported_by_its_configuration_name(string setting, Action<IndexerOptions> spoil)
    {
        var options = Valid();
        spoil(options);
        var failure = Assert.Single(IndexerOptionsValidator.Check(options));
        Assert.StartsWith(setting + " must", failure);
    }

    [Fact]
    public async Task The_host_refuses_to_start_with_invalid_indexer_settings()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Indexer:RpcUrl"] = "not a url", ["Indexer:ChainId"] = "31337",
            ["Indexer:DeploymentFile"] = "d.json", ["Indexer:DatabasePath"] = "i.db",
        });
        builder.AddOpenLedgerIndexer();
        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Indexer:RpcUrl must be an absolute http(s) URL but is 'not a url'", error.Message);
    }

    [Fact]
    public void Settings_bind_from_the_Indexer_section()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Indexer:RpcUrl"] = "http://node:8545", ["Indexer:ChainId"] = "5", ["Indexer:DeploymentFile"] = "d.json",
            ["Indexer:DatabasePath"] = "i.db", ["Indexer:Confirmations"] = "3", ["Indexer:PollingInterval"] = "00:00:05",
            ["Indexer:InitialBlockRange"] = "100", ["Indexer:MaxBlockRange"] = "2000",
        });
        builder.AddOpenLedgerIndexer();
        using var host = builder.Build();
        var options = host.Services.GetRequiredService<IOptions<IndexerOptions>>().Value;
        Assert.Equal(("http://node:8545", 5UL, 3, TimeSpan.FromSeconds(5), 100, 2000),
            (options.RpcUrl, options.ChainId, options.Confirmations, options.PollingInterval, options.InitialBlockRange, options.MaxBlockRange));
    }
}

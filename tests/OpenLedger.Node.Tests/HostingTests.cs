using Microsoft.AspNetCore.Builder;

namespace OpenLedger.Node.Tests;

/// <summary>Configuration of the host itself; no chain needed, nothing is started.</summary>
public sealed class HostingTests
{
    [Fact]
    public void The_node_listens_on_loopback_port_5080_unless_told_otherwise()
    {
        var builder = WebApplication.CreateBuilder([]);
        builder.AddOpenLedgerNode();
        Assert.Equal("http://127.0.0.1:5080", builder.Configuration["urls"]);
    }

    [Fact]
    public void Urls_on_the_command_line_are_kept()
    {
        var builder = WebApplication.CreateBuilder(["--urls", "http://127.0.0.1:6001"]);
        builder.AddOpenLedgerNode();
        Assert.Equal("http://127.0.0.1:6001", builder.Configuration["urls"]);
    }

    [Theory]
    [InlineData("Relay:KeystorePath", "relay.json", "the relay runs in the process with role 'indexer' or 'all'")]
    [InlineData("Epochs:ReporterKeystore", "reporter.json", "epoch intake runs in the process with role 'indexer' or 'all'")]
    [InlineData("Epochs:InboxPath", "inbox", "the report inbox is watched by the process with role 'indexer' or 'all'")]
    public void An_api_replica_is_refused_what_only_a_writer_does(string setting, string value, string reason)
    {
        var builder = WebApplication.CreateBuilder(["--Node:Role=api", $"--{setting}={value}"]);
        var error = Assert.Throws<NodeStartupException>(() => builder.AddOpenLedgerNode());
        Assert.Equal($"{setting} is set but Node:Role is 'api': {reason}", error.Message);
    }

    [Fact]
    public void Indexer_defaults_come_from_appsettings_and_prefixed_environment_overrides_them_below_the_command_line()
    {
        Environment.SetEnvironmentVariable("OPENLEDGER_Indexer__RpcUrl", "http://127.0.0.1:9999");
        Environment.SetEnvironmentVariable("OPENLEDGER_Indexer__DatabasePath", "env.db");
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                Args = ["--Indexer:DatabasePath=cli.db"],
                ContentRootPath = Path.GetDirectoryName(typeof(Program).Assembly.Location),
            });
            builder.AddOpenLedgerNode();
            Assert.Equal("http://127.0.0.1:9999", builder.Configuration["Indexer:RpcUrl"]);
            Assert.Equal("cli.db", builder.Configuration["Indexer:DatabasePath"]);
            Assert.Equal("deployments/localhost.json", builder.Configuration["Indexer:DeploymentFile"]);
            Assert.Equal("00:00:00.500", builder.Configuration["Indexer:PollingInterval"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable("OPENLEDGER_Indexer__RpcUrl", null);
            Environment.SetEnvironmentVariable("OPENLEDGER_Indexer__DatabasePath", null);
        }
    }
}

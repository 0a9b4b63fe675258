using OpenLedger.Cli.Tests.Support;
using OpenLedger.TestSupport;

namespace OpenLedger.Cli.Tests;

/// <summary>node run's role and store options: bad combinations are usage errors, a store it cannot open a one-line refusal.</summary>
[Collection(ChainCollection.Name)]
public sealed class NodeRunRoleTests(ChainFixture chain)
{
    [Theory]
    [InlineData("node run --role api --standby", "--standby applies to an indexer")]
    [InlineData("node run --role api --relay-keystore k --relay-password-env V", "an api replica holds no key")]
    [InlineData("node run --role api --reporter-keystore k --reporter-password-env V", "an api replica holds no key")]
    [InlineData("node run --role api --inbox reports", "--inbox applies to the process with --role indexer or all")]
    [InlineData("node run --store-connection-env V", "--store-connection-env applies to --store postgres")]
    [InlineData("node run --role replica", "replica")]
    [InlineData("node run --store mysql", "mysql")]
    public async Task Bad_role_and_store_options_exit_2(string commandLine, string message)
    {
        var run = await CliRunner.RunAsync(commandLine.Split(' '));
        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains(message, run.Err);
    }

    [Fact]
    public async Task An_unreachable_postgres_server_is_one_line_naming_the_setting_and_never_the_password()
    {
        const string password = "pg-password-not-to-print";
        var environment = CliRunner.BaseEnvironment();
        environment["OL_TEST_PG"] = $"Host=127.0.0.1;Port={LoopbackPort.Free()};Database=ol;Username=ol;Password={password};Timeout=3";
        var run = await CliRunner.RunAsync(["node", "run", "--role", "indexer", "--store", "postgres", "--store-connection-env", "OL_TEST_PG",
            "--urls", $"http://127.0.0.1:{LoopbackPort.Free()}", "--database", chain.Directory.File("pg-unused.db"),
            "--rpc", chain.Chain.Url.ToString(), "--deployment", chain.DeploymentFile], environment, extraSecrets: [password]);
        Assert.True(run.ExitCode == ExitCodes.Failure, run.ToString());
        Assert.StartsWith("error: the node could not start: opening PostgreSQL database 'ol' on 127.0.0.1:", run.Err);
        Assert.Contains("as user 'ol' (Store:ConnectionString)", run.Err);
    }
}

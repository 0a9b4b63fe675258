using System.Net;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Node.Tests.Support;
using OpenLedger.TestSupport;

namespace OpenLedger.Node.Tests;

/// <summary>
/// The node on a PostgreSQL store (a private server per class): one indexer and an API replica on one database, and
/// every configuration the node must refuse before writing anything, each message naming the setting.
/// </summary>
[Collection(LoadedNodeCollection.Name)]
public sealed class PostgresNodeTests(LoadedNode node, PostgresServer server) : IClassFixture<PostgresServer>
{
    private Dictionary<string, string> Settings(string connectionString, string role, bool standby = false)
    {
        var settings = NodeFactory.Settings(node.Chain.Url, node.DeploymentFile, node.Directory.File("unused.db"));
        settings["Store:Provider"] = "postgres";
        settings["Store:ConnectionString"] = connectionString;
        settings["Node:Role"] = role;
        settings["Indexer:Standby"] = standby ? "true" : "false";
        return settings;
    }

    [Fact]
    public async Task An_api_replica_serves_what_the_indexer_writes_and_reports_its_lag()
    {
        var database = server.CreateDatabase("replica");
        await using var indexer = new NodeFactory(Settings(database, "indexer"));
        using var indexerClient = indexer.CreateClient();
        await using var replica = new NodeFactory(Settings(database, "api"));
        using var replicaClient = replica.CreateClient();

        var head = (long)await node.Rpc.GetBlockNumberAsync();
        await node.WaitForCursorAsync(head);
        for (var i = 0; i < 1200 && ((await replicaClient.GetJsonAsync("/status"))["cursor"]?.GetValue<long>() ?? -1) < head; i++) await Task.Delay(50);
        var status = await replicaClient.GetJsonAsync("/status");
        Assert.Equal(head, status["cursor"]!.GetValue<long>());
        Assert.Equal("standby", status["status"]!.GetValue<string>());
        Assert.Equal(status["head"]!.GetValue<long>() - head, status["lag"]!.GetValue<long>());
        var health = await replicaClient.GetJsonAsync("/health");
        Assert.Equal("healthy", health["status"]!.GetValue<string>());
        Assert.NotEqual("unknown", health["checks"]!["indexer"]!["data"]!["lag"]!.ToString());

        // The same answers as the single SQLite node on the same chain.
        foreach (var route in new[] { "/models/1", "/models/1/contributions?limit=50", $"/accounts/{node.Accounts[1]}/shares" })
            Assert.Equal((await node.Client.GetJsonAsync(route)).ToJsonString(), (await replicaClient.GetJsonAsync(route)).ToJsonString());
        // Each role serves its own routes: the writer no queries, the replica no intake.
        Assert.Equal(HttpStatusCode.NotFound, (await indexerClient.GetAsync("/models/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await replicaClient.PostAsync("/reports", new StringContent("{}"))).StatusCode);
    }

    [Fact]
    public void An_unreachable_server_is_refused_naming_the_setting_without_the_password()
    {
        var connection = $"Host=127.0.0.1;Port={LoopbackPort.Free()};Username=openledger;Password=s3cret-unreachable;Database=x;Timeout=3";
        using var factory = new NodeFactory(Settings(connection, "indexer"));
        var error = Assert.Throws<NodeStartupException>(() => factory.CreateClient());
        Assert.StartsWith("opening PostgreSQL database 'x' on 127.0.0.1:", error.Message);
        Assert.Contains("(Store:ConnectionString)", error.Message);
        Assert.DoesNotContain("s3cret-unreachable", error.Message);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_naming_the_setting_and_nothing_is_written()
    {
        var database = server.CreateDatabase("wrong_password");
        var wrong = new NpgsqlConnectionStringBuilder(database) { Password = "not-the-password" }.ConnectionString;
        using (var factory = new NodeFactory(Settings(wrong, "all")))
        {
            var error = Assert.Throws<NodeStartupException>(() => factory.CreateClient());
            Assert.Contains("password authentication failed", error.Message);
            Assert.Contains("(Store:ConnectionString)", error.Message);
            Assert.DoesNotContain("not-the-password", error.Message);
        }
        Assert.Equal(0, await TableCountAsync(database));
    }

    [Fact]
    public async Task A_database_with_a_newer_schema_is_refused_by_the_indexer_and_a_replica_and_nothing_is_written()
    {
        var database = server.CreateDatabase("newer");
        await ExecuteAsync(database, "CREATE TABLE schema_version (version bigint NOT NULL); INSERT INTO schema_version VALUES (99);");
        foreach (var role in new[] { "indexer", "api" })
        {
            using var factory = new NodeFactory(Settings(database, role));
            var error = Assert.Throws<NodeStartupException>(() => factory.CreateClient());
            Assert.Contains("(Store:ConnectionString) has schema version 99 but this", error.Message);
        }
        Assert.Equal(1, await TableCountAsync(database));
    }

    [Fact]
    public async Task A_replica_started_before_any_indexer_is_refused_saying_to_start_the_indexer_first()
    {
        var database = server.CreateDatabase("empty");
        using var factory = new NodeFactory(Settings(database, "api"));
        var error = Assert.Throws<NodeStartupException>(() => factory.CreateClient());
        Assert.Contains("has schema version 0 but this node reads version", error.Message);
        Assert.Contains("Node:Role=indexer", error.Message);
        Assert.Equal(0, await TableCountAsync(database));
    }

    [Fact]
    public async Task A_second_indexer_is_refused_naming_Indexer_Standby_and_a_standby_waits_beside_the_leader_refusing_reports_until_it_leads()
    {
        var database = server.CreateDatabase("two_leaders");
        var leader = new NodeFactory(Settings(database, "indexer"));
        try
        {
            using var leaderClient = leader.CreateClient();
            await using (var second = new NodeFactory(Settings(database, "all")))
            {
                var error = Assert.Throws<NodeStartupException>(() => second.CreateClient());
                Assert.StartsWith("another indexer holds the leader lease of PostgreSQL database", error.Message);
                Assert.Contains("Indexer:Standby=true", error.Message);
            }
            var standbySettings = Settings(database, "indexer", standby: true);
            standbySettings["Epochs:ApiToken"] = ReportToken;
            await using var standby = new NodeFactory(standbySettings);
            using var standbyClient = standby.CreateClient();
            for (var i = 0; i < 200 && (await standbyClient.GetJsonAsync("/status"))["status"]!.GetValue<string>() != "standby"; i++) await Task.Delay(50);
            var status = await standbyClient.GetJsonAsync("/status");
            Assert.Equal("standby", status["status"]!.GetValue<string>());
            Assert.Contains("waiting for the leader lease", status["description"]!.GetValue<string>());

            // Both hold the reporter key: only the leader posts, or the two would race for its nonces.
            var waiting = await PostReportAsync(standbyClient);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, waiting.StatusCode);
            var problem = System.Text.Json.Nodes.JsonNode.Parse(await waiting.Content.ReadAsStringAsync())!;
            Assert.Equal("This node is not the leader", problem["title"]!.GetValue<string>());
            Assert.StartsWith("this indexer is a standby waiting for the leader lease, held by ", problem["detail"]!.GetValue<string>());
            Assert.EndsWith("; send reports to the leader", problem["detail"]!.GetValue<string>());

            // The leader stops; the standby takes the lease and takes reports (this one is not a report: 422, not 503).
            await leader.DisposeAsync();
            var taken = waiting;
            for (var i = 0; i < 400 && (taken = await PostReportAsync(standbyClient)).StatusCode == HttpStatusCode.ServiceUnavailable; i++) await Task.Delay(50);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, taken.StatusCode);
        }
        finally
        {
            await leader.DisposeAsync();
        }
    }

    private const string ReportToken = "standby-report-token";

    private static Task<HttpResponseMessage> PostReportAsync(HttpClient client)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/reports") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ReportToken);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task A_node_on_postgres_starts_without_Indexer_DatabasePath()
    {
        var database = server.CreateDatabase("no_sqlite_path");
        var settings = Settings(database, "all");
        settings["Indexer:DatabasePath"] = ""; // cleared: appsettings.json names data/openledger.db
        await using var factory = new NodeFactory(settings);
        using var client = factory.CreateClient();
        var head = (long)await node.Rpc.GetBlockNumberAsync();
        for (var i = 0; i < 1200 && ((await client.GetJsonAsync("/status"))["cursor"]?.GetValue<long>() ?? -1) < head; i++) await Task.Delay(50);
        Assert.Equal(head, (await client.GetJsonAsync("/status"))["cursor"]!.GetValue<long>());
        await client.GetJsonAsync("/models/1/epochs/1/report", HttpStatusCode.NotFound);
    }

    [Fact]
    public void A_node_on_sqlite_without_Indexer_DatabasePath_is_refused_naming_the_setting()
    {
        var settings = NodeFactory.Settings(node.Chain.Url, node.DeploymentFile, "");
        using var factory = new NodeFactory(settings);
        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());
        Assert.Contains("Indexer:DatabasePath must name the SQLite database file but is empty", error.Message);
    }

    [Fact]
    public void An_unknown_provider_is_refused_naming_Store_Provider()
    {
        var settings = Settings("Host=x", "all");
        settings["Store:Provider"] = "mysql";
        using var factory = new NodeFactory(settings);
        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());
        Assert.Contains("Store:Provider must be 'sqlite' or 'postgres' but is 'mysql'", error.Message);
    }

    private static async Task<long> TableCountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public';", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

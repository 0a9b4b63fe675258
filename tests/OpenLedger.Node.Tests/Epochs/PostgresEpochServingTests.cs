using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Indexer.Store.Postgres;
using OpenLedger.Node.Epochs;
using OpenLedger.Node.Tests.Epochs.Support;
using OpenLedger.Node.Tests.Support;
using OpenLedger.TestSupport;

namespace OpenLedger.Node.Tests.Epochs;

/// <summary>
/// The epoch store on PostgreSQL: a report posted through the writing node is served by an API replica on another
/// "machine" (its own epochs folder, nothing shared but the database), and a replica on a database whose epoch tables
/// do not exist yet answers 404 without creating them.
/// </summary>
[Collection(EpochChainCollection.Name)]
public sealed class PostgresEpochServingTests(EpochChain chain, PostgresServer server) : IClassFixture<PostgresServer>
{
    private Dictionary<string, string> Settings(string connectionString, string role, string folder)
    {
        var settings = new Dictionary<string, string>(chain.Settings)
        {
            ["Store:Provider"] = "postgres",
            ["Store:ConnectionString"] = connectionString,
            ["Node:Role"] = role,
            // Each process its own folders, as on two machines: only the database is shared.
            ["Indexer:DatabasePath"] = chain.Directory.File($"{folder}/unused.db"),
            ["Epochs:DataDirectory"] = chain.Directory.File($"{folder}/epochs"),
        };
        settings.Remove("Epochs:InboxPath");
        if (role == "api")
            foreach (var key in new[] { "Epochs:ReporterKeystore", "Epochs:ReporterPassword", "Epochs:ApiToken" }) settings.Remove(key);
        return settings;
    }

    [Fact]
    public async Task A_report_posted_through_the_writer_is_served_byte_identical_by_an_api_replica_on_the_same_database()
    {
        var database = server.CreateDatabase("epochs_shared");
        await using var writer = new NodeFactory(Settings(database, "indexer", "writer"));
        using var writerClient = writer.CreateClient();
        var model = await chain.NewModelAsync([2, 3], EpochChain.Ether);
        await WaitForCursorAsync(writerClient);
        var report = ReportJson.Bytes(ReportJson.Build(model, 1, await chain.ContributionsAsync(model), _ => 1, EpochChain.Ether, 1));
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/reports") { Content = new ByteArrayContent(report) })
        {
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.Authorization = new("Bearer", EpochChain.Token);
            using var posted = await writerClient.SendAsync(request);
            Assert.True(posted.StatusCode == HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
        }

        await using var replica = new NodeFactory(Settings(database, "api", "replica"));
        using var replicaClient = replica.CreateClient();
        await WaitForCursorAsync(replicaClient);
        var servedReport = await BytesAsync(replicaClient, $"/models/{model}/epochs/1/report");
        Assert.Equal(report, servedReport);
        var distribution = await BytesAsync(writerClient, $"/models/{model}/epochs/1/distribution");
        Assert.Equal(distribution, await BytesAsync(replicaClient, $"/models/{model}/epochs/1/distribution"));
        using (var etag = await replicaClient.GetAsync($"/models/{model}/epochs/1/distribution"))
            Assert.Equal($"\"{Keccak.Hash(distribution)}\"", etag.Headers.ETag!.Tag);
        var account = chain.Wallet.GetAccount(2).Address.ToString().ToLowerInvariant();
        var proof = await replicaClient.GetJsonAsync($"/models/{model}/epochs/1/proofs/{account}");
        Assert.True(proof["rootMatchesPosted"]!.GetValue<bool>());
        var leaf = JsonNode.Parse(distribution)!["leaves"]!.AsArray().Single(l => l!["account"]!.GetValue<string>().ToLowerInvariant() == account)!;
        Assert.Equal(leaf["proof"]!.ToJsonString(), proof["proof"]!.ToJsonString());
        Assert.Equal(leaf["open"]!.GetValue<string>(), proof["openAmount"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_writer_taking_over_records_as_posted_what_its_predecessor_sent_but_did_not_record()
    {
        var database = server.CreateDatabase("epochs_takeover");
        var model = await chain.NewModelAsync([2, 3], EpochChain.Ether);
        var report = ReportJson.Bytes(ReportJson.Build(model, 1, await chain.ContributionsAsync(model), _ => 1, EpochChain.Ether, 1));
        var computed = EpochComputation.Compute(report);
        var uri = EpochSubmitter.ReportUri("http://node.test:5080", model, 1);
        // The predecessor stored the report, recorded "sending", sent postEpoch and died before recording it.
        await using (var predecessor = new PostgresEpochStore(database))
        {
            await predecessor.CreateSchemaAsync(default);
            await predecessor.PutAsync(IEpochStore.Reports, report, default);
            var distribution = await predecessor.PutAsync(IEpochStore.Distributions, computed.DistributionBytes, default);
            await predecessor.SaveAsync(new EpochSubmission
            {
                ModelId = model, Epoch = 1, ReportHash = computed.ReportHash.ToString(), DistributionHash = distribution.ToString(),
                Root = computed.Root!.Value.ToString(), TotalOpen = computed.Distribution.TotalOpen.ToString(),
                TotalShares = computed.Distribution.TotalShares.ToString(), ReportUri = uri, Status = EpochSubmission.Sending,
            }, default);
        }
        await (await chain.AsAsync(1)).Distributor.PostEpochAsync(model, 1, computed.Root!.Value, computed.Distribution.TotalOpen,
            computed.Distribution.TotalShares, computed.ReportHash, uri);
        var nonce = await chain.Rpc.GetTransactionCountAsync(chain.Reporter.Address);

        // Its successor, on another machine: only the database is shared.
        await using var successor = new NodeFactory(Settings(database, "indexer", "successor"));
        using var client = successor.CreateClient();
        await using var store = new PostgresEpochStore(database);
        for (var i = 0; i < 200 && await store.GetPostedAsync(model, 1, default) is null; i++) await Task.Delay(50);
        Assert.Equal(computed.ReportHash.ToString(), (await store.GetPostedAsync(model, 1, default))?.ReportHash);
        Assert.Equal(report, await BytesAsync(client, $"/models/{model}/epochs/1/report"));
        Assert.Equal(nonce, await chain.Rpc.GetTransactionCountAsync(chain.Reporter.Address)); // not posted again
    }

    [Fact]
    public async Task An_api_replica_on_a_database_without_epoch_tables_answers_404_and_creates_nothing()
    {
        var database = server.CreateDatabase("epochs_absent");
        // The index schema as an indexer that never stored an epoch leaves it.
        await using (var store = new PostgresIndexStore(database)) await store.MigrateAsync(CancellationToken.None);
        var tables = await TablesAsync(database);
        Assert.DoesNotContain("epoch_submissions", tables);

        await using var replica = new NodeFactory(Settings(database, "api", "empty-replica"));
        using var client = replica.CreateClient();
        foreach (var what in new[] { "report", "distribution" })
        {
            var problem = await client.GetJsonAsync($"/models/1/epochs/1/{what}", HttpStatusCode.NotFound);
            Assert.Equal("this node has posted no report for model 1 epoch 1", problem["detail"]!.GetValue<string>());
        }
        Assert.Equal(tables, await TablesAsync(database));
    }

    private static async Task<byte[]> BytesAsync(HttpClient client, string route)
    {
        using var response = await client.GetAsync(route);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Waits (bounded) until the node's /status cursor has reached the chain head.</summary>
    private async Task WaitForCursorAsync(HttpClient client)
    {
        var head = (long)await chain.Rpc.GetBlockNumberAsync();
        for (var i = 0; i < 1200; i++)
        {
            if ((await client.GetJsonAsync("/status"))["cursor"]?.GetValue<long>() >= head) return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"the node did not reach block {head} within 60 s");
    }

    private static async Task<List<string>> TablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name;", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenLedger.Cli.Tests.Support;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Indexer.Store.Views;

namespace OpenLedger.Cli.Tests;

/// <summary>`node run` with the Epochs options, started through the entry point by <see cref="NodeRunFixture"/>.</summary>
[Collection(NodeRunCollection.Name)]
public sealed class NodeRunEpochTests(NodeRunFixture node)
{
    private static readonly System.Numerics.BigInteger Ether = NodeRunFixture.Ether;
    private static int _content;

    private async Task<(long Model, byte[] Report)> ReportForNewModelAsync()
    {
        var model = await node.NewModelAsync([Keccak.Hash($"node-run-content-{++_content}"), Keccak.Hash($"node-run-content-{++_content}")], 100 * Ether);
        using var http = new HttpClient { BaseAddress = node.NodeUrl };
        var page = JsonNode.Parse(await http.GetStringAsync($"/models/{model}/contributions"))!;
        var contributions = page["items"].Deserialize<List<ContributionView>>(JsonSerializerOptions.Web)!;
        var report = Reports.Build(model, 1, contributions, [0.6, 0.4], 40 * Ether, 1_000);
        return (model, System.Text.Encoding.UTF8.GetBytes(report.ToJsonString()));
    }

    [Fact]
    public async Task Submitted_report_is_posted_by_the_keystore_reporter_under_the_public_url_and_stored_in_the_epochs_dir()
    {
        var (model, bytes) = await ReportForNewModelAsync();
        var file = node.Directory.File($"report-{model}.json");
        await File.WriteAllBytesAsync(file, bytes);

        var submit = await node.RunAsync("epoch", "submit", file, "--token-env", NodeRunFixture.TokenVar, "--json");

        Assert.True(submit.ExitCode == 0, submit.ToString());
        var posted = JsonNode.Parse(submit.Out)!;
        Assert.Equal("posted", posted["outcome"]!.GetValue<string>());
        Assert.Equal($"{node.PublicUrl}/models/{model}/epochs/1/report", posted["report uri"]!.GetValue<string>());
        var onChain = await node.Reads.Distributor.EpochAsync(model, 1);
        Assert.Equal(Keccak.Hash(bytes), onChain.ReportHash);
        Assert.Equal(40 * Ether, onChain.TotalOpen);
        var stored = Path.Combine(node.EpochsDirectory, "reports", Keccak.Hash(bytes) + ".json");
        Assert.Equal(bytes, await File.ReadAllBytesAsync(stored));
    }

    [Fact]
    public async Task Report_token_from_the_variable_is_enforced_and_health_answers()
    {
        using var http = new HttpClient { BaseAddress = node.NodeUrl };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);

        using var anonymous = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync("/reports", anonymous)).StatusCode);

        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/reports") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-" + NodeRunFixture.Token);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(wrong)).StatusCode);

        // The right token gets past the door: an empty object is then a validation problem, not 401/403.
        using var right = new HttpRequestMessage(HttpMethod.Post, "/reports") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        right.Headers.Authorization = new AuthenticationHeaderValue("Bearer", NodeRunFixture.Token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await http.SendAsync(right)).StatusCode);
    }

    [Fact]
    public async Task Report_renamed_into_the_inbox_is_posted_and_moved_to_processed()
    {
        var (model, bytes) = await ReportForNewModelAsync();
        var name = $"inbox-report-{model}.json";
        await File.WriteAllBytesAsync(Path.Combine(node.Inbox, name + ".tmp"), bytes);
        File.Move(Path.Combine(node.Inbox, name + ".tmp"), Path.Combine(node.Inbox, name));

        var processed = Path.Combine(node.Inbox, "processed", name);
        for (var i = 0; i < 600 && !File.Exists(processed); i++) await Task.Delay(100);
        Assert.True(File.Exists(processed), $"the inbox did not take {name}; rejected: {string.Join(", ", Directory.GetFiles(Path.Combine(node.Inbox, "rejected")))}");
        Assert.Equal(Keccak.Hash(bytes), (await node.Reads.Distributor.EpochAsync(model, 1)).ReportHash);
    }

    [Theory]
    [InlineData("--reporter-password-env", "OL_TEST_UNSET_PASSWORD", "error: environment variable OL_TEST_UNSET_PASSWORD (--reporter-password-env) is not set or is empty")]
    [InlineData("--api-token-env", "OL_TEST_UNSET_TOKEN", "error: the environment variable named by --api-token-env is not set or is empty")]
    [InlineData("--api-token-env", "OL_TEST_EMPTY_TOKEN", "error: the environment variable named by --api-token-env is not set or is empty")]
    [InlineData("--relay-password-env", "OL_TEST_EMPTY_TOKEN", "error: environment variable OL_TEST_EMPTY_TOKEN (--relay-password-env) is not set or is empty")]
    public async Task Unset_secret_variable_stops_node_run_before_it_starts(string option, string variable, string expected)
    {
        var env = NodeRunFixture.Environment();
        env["OL_TEST_EMPTY_TOKEN"] = "";
        string[] args = option switch
        {
            "--reporter-password-env" => ["--reporter-keystore", node.ReporterKeystore, "--reporter-password-env", variable],
            // The relay's keystore is never opened: the empty password is refused first.
            "--relay-password-env" => ["--relay-keystore", node.ReporterKeystore, "--relay-password-env", variable],
            _ => ["--api-token-env", variable],
        };
        var run = await RunNodeAsync(env, args);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal(expected, run.Err.Trim());
    }

    [Fact]
    public async Task Wrong_reporter_password_stops_node_run_before_it_starts_without_printing_it()
    {
        var env = NodeRunFixture.Environment();
        env["OL_TEST_WRONG_PASSWORD"] = "wrong-reporter-pw-77";
        var run = await RunNodeAsync(env, ["--reporter-keystore", node.ReporterKeystore, "--reporter-password-env", "OL_TEST_WRONG_PASSWORD"], "wrong-reporter-pw-77");
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal($"error: wrong password for keystore {node.ReporterKeystore}", run.Err.Trim());
    }

    [Fact]
    public async Task Node_run_stopped_while_starting_ends_with_a_line_not_a_crash()
    {
        using var stopped = new CancellationTokenSource();
        await stopped.CancelAsync();
        string[] args = ["node", "run", "--urls", "http://127.0.0.1:1", "--database", node.Directory.File("stopped.db"),
            "--rpc", node.Chain.Url.ToString(), "--deployment", node.DeploymentFile];
        var run = await CliRunner.RunAsync(args, NodeRunFixture.Environment(), ct: stopped.Token);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("OpenLedger node stopped while starting", run.Out.Trim());
    }

    /// <summary>A second node run on the fixture's chain; bounded so a run that wrongly starts ends the test instead of hanging it.</summary>
    private async Task<CliRun> RunNodeAsync(Dictionary<string, string> env, string[] options, string? secret = null)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        string[] args = ["node", "run", "--urls", "http://127.0.0.1:1", "--database", node.Directory.File("never.db"), .. options,
            "--rpc", node.Chain.Url.ToString(), "--deployment", node.DeploymentFile];
        return await CliRunner.RunAsync(args, env, extraSecrets: [NodeRunFixture.Token, NodeRunFixture.ReporterPassword, .. secret is null ? Array.Empty<string>() : [secret]], ct: stop.Token);
    }
}

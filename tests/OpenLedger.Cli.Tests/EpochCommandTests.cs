using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Cli.Tests.Support;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;

namespace OpenLedger.Cli.Tests;

[Collection(EpochNodeCollection.Name)]
public sealed class EpochCommandTests(EpochNodeFixture node)
{
    private const string TokenVar = "OL_TEST_REPORT_TOKEN";
    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);

    private static Dictionary<string, string> Env(bool withToken = true)
    {
        var env = CliRunner.BaseEnvironment();
        if (withToken) env[TokenVar] = EpochNodeFixture.Token;
        return env;
    }

    private async Task<(long Model, string ReportFile, IReadOnlyList<OpenLedger.Indexer.Store.Views.ContributionView> Contributions)> ReportForNewModelAsync(string name)
    {
        var model = await node.NewModelAsync([2, 3], 100 * Ether);
        var contributions = await node.ContributionsAsync(model);
        var report = Reports.Build(model, 1, contributions, [0.75, 0.25], 40 * Ether, 1_000 * Ether);
        var file = node.Directory.File(name);
        await File.WriteAllTextAsync(file, report.ToJsonString());
        return (model, file, contributions);
    }

    [Fact]
    public async Task Submitted_report_is_posted_verifies_and_a_contributor_claims_its_leaf_after_the_challenge_window()
    {
        var (model, file, contributions) = await ReportForNewModelAsync("report-flow.json");

        var submit = await node.RunAsync(Env(), "epoch", "submit", file, "--token-env", TokenVar, "--json");
        Assert.True(submit.ExitCode == 0, submit.ToString());
        var posted = JsonNode.Parse(submit.Out)!;
        Assert.Equal("posted", posted["outcome"]!.GetValue<string>());
        var onChain = await node.Reads.Distributor.EpochAsync(model, 1);
        Assert.Equal(Keccak.Hash(await File.ReadAllBytesAsync(file)), onChain.ReportHash); // sent byte for byte
        Assert.Equal(onChain.Root.ToString(), posted["root"]!.GetValue<string>());
        Assert.Equal(40 * Ether, onChain.TotalOpen);

        var again = await node.RunAsync(Env(), "epoch", "submit", file, "--token-env", TokenVar);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("already posted", again.Out);

        await node.WaitForIndexAsync();
        var verify = await node.RunAsync(Env(), "epoch", "verify", "--model", model.ToString(), "--epoch", "1");
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains($"epoch 1 of model {model} verifies: root {onChain.Root}, totals 40 OPEN", verify.Out);
        Assert.Contains($"report hash {onChain.ReportHash}", verify.Out);
        var verifyJson = await node.RunAsync(Env(), "epoch", "verify", "--model", model.ToString(), "--epoch", "1", "--json");
        Assert.True(verifyJson.ExitCode == 0, verifyJson.ToString());
        Assert.True(JsonNode.Parse(verifyJson.Out)!["verifies"]!.GetValue<bool>());
        Assert.Empty(JsonNode.Parse(verifyJson.Out)!["differences"]!.AsArray());

        await node.Rpc.IncreaseTimeAsync((ulong)await node.Reads.Distributor.ChallengeWindowAsync() + 1);
        await node.Rpc.MineAsync();
        await node.WaitForIndexAsync();
        var contributor = Address.Parse(contributions[0].Contributor);
        Assert.Equal(CliRunner.Account(2).Address, contributor);
        var before = await node.Reads.Token.BalanceOfAsync(contributor);
        var claim = await node.RunAsync(Env(), ["claim", "--model", model.ToString(), "--epoch", "1", "--json", .. ChainFixture.Signer(2)]);
        Assert.True(claim.ExitCode == 0, claim.ToString());
        // Scores 0.75 / 0.25 of 40 OPEN: this contributor's leaf is 30 OPEN.
        Assert.Equal(before + 30 * Ether, await node.Reads.Token.BalanceOfAsync(contributor));
    }

    [Fact]
    public async Task Verify_of_a_vetoed_epoch_lists_the_status_difference_and_exits_1()
    {
        var (model, file, _) = await ReportForNewModelAsync("report-vetoed.json");
        var submit = await node.RunAsync(Env(), "epoch", "submit", file, "--token-env", TokenVar);
        Assert.True(submit.ExitCode == 0, submit.ToString());
        var veto = await node.RunAsync(Env(), ["epoch", "veto", "--model", model.ToString(), "--epoch", "1", "--reason", "audit", .. ChainFixture.Signer(0)]);
        Assert.True(veto.ExitCode == 0, veto.ToString());

        var run = await node.RunAsync(Env(), "epoch", "verify", "--model", model.ToString(), "--epoch", "1");
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains($"epoch 1 of model {model} does NOT verify (1 difference(s)):", run.Out);
        Assert.Contains("  status: posted vetoed, recomputed posted", run.Out);
        var json = await node.RunAsync(Env(), "epoch", "verify", "--model", model.ToString(), "--epoch", "1", "--json");
        Assert.Equal(ExitCodes.Failure, json.ExitCode);
        var difference = JsonNode.Parse(json.Out)!["differences"]!.AsArray().Single()!;
        Assert.Equal("status", difference["field"]!.GetValue<string>());
        Assert.Equal("vetoed", difference["posted"]!.GetValue<string>());
        Assert.False(JsonNode.Parse(json.Out)!["verifies"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Report_the_node_rejects_exits_1_naming_the_fields_at_fault()
    {
        var (model, _, contributions) = await ReportForNewModelAsync("unused.json");
        var report = Reports.Build(model, 1, contributions, [0.75, 0.25], 40 * Ether, 1_000 * Ether);
        report["contributions"]![0]!["contentHash"] = "0x" + new string('1', 64);
        var file = node.Directory.File("rejected.json");
        await File.WriteAllTextAsync(file, report.ToJsonString());

        var run = await node.RunAsync(Env(), "epoch", "submit", file, "--token-env", TokenVar);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.StartsWith("error: the node refused reports (422)", run.Err);
        Assert.Contains("contributions[0]", run.Err);
        // The problem's detail already lists its field errors: each is said once, not again after it.
        var line = run.Err.Trim();
        var fieldError = line[(line.IndexOf("contributions[0]", StringComparison.Ordinal))..].Split(';')[0];
        Assert.True(line.Split(fieldError).Length == 2, $"'{fieldError}' is said more than once: {line}");
        Assert.Equal(BigInteger.Zero, await node.Reads.Distributor.LastEpochAsync(model));
    }

    [Fact]
    public async Task A_different_report_for_an_epoch_already_posted_is_a_conflict_and_exits_1()
    {
        var (model, file, contributions) = await ReportForNewModelAsync("report-first.json");
        var first = await node.RunAsync(Env(), "epoch", "submit", file, "--token-env", TokenVar);
        Assert.True(first.ExitCode == 0, first.ToString());
        var other = node.Directory.File("report-other.json");
        await File.WriteAllTextAsync(other, Reports.Build(model, 1, contributions, [0.5, 0.5], 40 * Ether, 1_000 * Ether).ToJsonString());

        var run = await node.RunAsync(Env(), "epoch", "submit", other, "--token-env", TokenVar);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.StartsWith("error: the node refused reports (409)", run.Err);
        Assert.Equal(Keccak.Hash(await File.ReadAllBytesAsync(file)), (await node.Reads.Distributor.EpochAsync(model, 1)).ReportHash);
    }

    [Fact]
    public async Task Wrong_token_is_refused_by_the_node_and_exits_1()
    {
        var (_, file, _) = await ReportForNewModelAsync("wrong-token.json");
        var env = Env(withToken: false);
        env[TokenVar] = "not-the-token";
        var run = await node.RunAsync(env, "epoch", "submit", file, "--token-env", TokenVar);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("(403)", run.Err);
    }

    [Fact]
    public async Task Missing_token_variable_is_one_line_and_nothing_is_sent()
    {
        var run = await node.RunAsync(Env(withToken: false), "epoch", "submit", node.Directory.File("never-read.json"), "--token-env", TokenVar);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal("error: the environment variable named by --token-env is not set or is empty", run.Err.Trim());
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Unreadable_report_file_is_one_line()
    {
        var missing = node.Directory.File("no-such-report.json");
        var run = await node.RunAsync(Env(), "epoch", "submit", missing, "--token-env", TokenVar);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.StartsWith($"error: cannot read the report {missing}", run.Err);
        Assert.Single(run.Err.Trim().Split('\n'));
    }

    [Fact]
    public async Task Token_given_as_an_argument_instead_of_a_variable_name_is_never_sent_and_never_printed()
    {
        var (_, file, _) = await ReportForNewModelAsync("token-literal.json");
        // The secret checker in RunAsync fails the test if the token appears in the output.
        var run = await node.RunAsync(Env(withToken: false), "epoch", "submit", file, "--token-env", EpochNodeFixture.Token);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("error: --token-env expects the name of an environment variable", run.Err);
    }

    [Fact]
    public async Task Verify_of_an_epoch_never_posted_exits_1_saying_so_from_the_chain()
    {
        var model = await node.NewModelAsync([2], Ether);
        var run = await node.RunAsync(Env(), "epoch", "verify", "--model", model.ToString(), "--epoch", "1");
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal($"error: model {model} has no epoch posted on chain 31337 yet", run.Err.Trim());
    }

    [Fact]
    public async Task Verify_of_an_epoch_past_any_the_node_can_hold_is_one_line_from_the_chain_not_an_HTTP_status()
    {
        var (model, file, _) = await ReportForNewModelAsync("huge-epoch.json");
        Assert.Equal(0, (await node.RunAsync(Env(), "epoch", "submit", file, "--token-env", TokenVar)).ExitCode);
        var run = await node.RunAsync(Env(), "epoch", "verify", "--model", model.ToString(), "--epoch", "99999999999999999999");
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal($"error: model {model} has posted epochs 1 to 1 on chain 31337; epoch 99999999999999999999 is not one of them", run.Err.Trim());
        Assert.DoesNotContain("status code", run.Err);
    }

    [Fact]
    public async Task Submit_without_a_report_argument_is_a_usage_error()
    {
        var run = await node.RunAsync(Env(), "epoch", "submit", "--token-env", TokenVar);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }
}

using OpenLedger.Attribution;
using System.Text.Json.Nodes;
using OpenLedger.Attribution.Reports;
using OpenLedger.Cli.Tests.Support;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.TestSupport;
using OpenLedger.Training.Datasets;

namespace OpenLedger.Cli.Tests;

/// <summary>
/// report logreg / report fasttree on a model whose 3 contributions are Wine shards from <see cref="DemoDataset.Prepare"/>
/// (shard 2 fully mislabelled), registered by accounts 1-3 on the chain of <see cref="NodeRunFixture"/>.
/// </summary>
[Collection(NodeRunCollection.Name)]
public sealed class ReportModelTests(NodeRunFixture node)
{
    private static readonly System.Numerics.BigInteger Ether = NodeRunFixture.Ether;
    private static readonly PreparedDemo Demo = DemoDataset.Prepare(File.ReadAllText(RepoPaths.Combine("data", "wine_data.csv")), contributors: 3, corruptShard: 2, seed: 2026);

    private async Task<(long Model, string Data, string Test)> ModelWithShardsAsync(string name)
    {
        var data = node.Directory.File(name);
        Directory.CreateDirectory(data);
        foreach (var shard in Demo.Shards) await File.WriteAllBytesAsync(Path.Combine(data, $"shard-{shard.Index}.csv"), shard.Bytes);
        var test = node.Directory.File($"{name}-test.csv");
        await File.WriteAllBytesAsync(test, Demo.TestBytes);
        var model = await node.NewModelAsync(Demo.Shards.Select(s => s.ContentHash).ToArray(), 100 * Ether, sealEpochOne: false);
        return (model, data, test);
    }

    private Task<CliRun> ReportAsync(string modelClass, long model, string data, string test, string output, params string[] extra) =>
        node.RunAsync(["report", modelClass, "--model", model.ToString(), "--epoch", "1", "--test", test, "--data", data, "--shares", "1000", "--out", output, .. extra]);

    [Fact]
    public async Task A_logreg_loo_report_values_the_mislabelled_shard_lowest_is_the_same_bytes_twice_and_the_node_posts_it()
    {
        var (model, data, test) = await ModelWithShardsAsync("logreg-flow");
        var output = node.Directory.File("logreg-flow-report.json");

        var run = await ReportAsync("logreg", model, data, test, output, "--method", "loo", "--json");
        var again = await ReportAsync("logreg", model, data, test, node.Directory.File("logreg-flow-again.json"), "--method", "loo", "--parallelism", "1");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(again.ExitCode == 0, again.ToString());
        var bytes = await File.ReadAllBytesAsync(output);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(node.Directory.File("logreg-flow-again.json")));
        var report = PerformanceReportParser.Parse(bytes);
        Assert.Equal("loo", report.Attribution.Method);
        Assert.Equal("accuracy", report.Evaluation.Metric);
        Assert.Equal(Demo.TestSetHash, report.Evaluation.TestSetHash);
        Assert.Contains("logreg: 4 coalition(s) trained for loo in ", run.Err); // all 3 shards, and each left out

        var summary = JsonNode.Parse(run.Out)!;
        Assert.Equal("logreg", summary["modelClass"]!.GetValue<string>());
        Assert.Equal(4, summary["retrainings"]!.GetValue<int>());
        Assert.Equal(Keccak.Hash(bytes).ToString(), summary["reportHash"]!.GetValue<string>());
        var values = summary["contributions"]!.AsArray().ToDictionary(c => c!["file"]!.GetValue<string>(), c => c!["value"]!.GetValue<double>());
        Assert.Equal(Path.Combine(data, "shard-2.csv"), values.MinBy(v => v.Value).Key);

        var seal = await node.RunAsync(["evaluation", "commit", "--model", model.ToString(), "--epoch", "1", "--file", test, .. ChainFixture.Signer(0)]);
        Assert.True(seal.ExitCode == 0, seal.ToString());
        await node.WaitForIndexAsync();
        var submit = await node.RunAsync("epoch", "submit", output, "--token-env", NodeRunFixture.TokenVar);
        Assert.True(submit.ExitCode == 0, submit.ToString());
        Assert.Equal(Keccak.Hash(bytes), (await node.Reads.Distributor.EpochAsync(model, 1)).ReportHash);
    }

    [Fact]
    public async Task A_fasttree_exact_shapley_report_trains_every_coalition_and_prints_the_model_class()
    {
        var (model, data, test) = await ModelWithShardsAsync("fasttree-exact");
        var output = node.Directory.File("fasttree-exact-report.json");

        var run = await ReportAsync("fasttree", model, data, test, output, "--method", "exact-shapley", "--budget", "8");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"model class +fasttree, 7 coalition\(s\) trained", run.Out);
        Assert.Contains("accuracy (exact-shapley)", run.Out);
        var report = PerformanceReportParser.Parse(await File.ReadAllBytesAsync(output));
        var distribution = AttributionEngine.Distribute(report);
        Assert.Equal(report.Evaluation.Score - report.Evaluation.Baseline, distribution.Contributions.Sum(c => c.Value), 9);
    }

    [Fact]
    public async Task A_logreg_influence_report_is_scores_from_one_training()
    {
        var (model, data, test) = await ModelWithShardsAsync("logreg-influence");
        var output = node.Directory.File("logreg-influence-report.json");

        var run = await ReportAsync("logreg", model, data, test, output, "--method", "influence", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("logreg: 1 coalition(s) trained for influence in ", run.Err); // the score's; influence trains once more, outside the game
        var report = PerformanceReportParser.Parse(await File.ReadAllBytesAsync(output));
        Assert.Equal("scores", report.Attribution.Method);
        var values = JsonNode.Parse(run.Out)!["contributions"]!.AsArray().ToDictionary(c => c!["file"]!.GetValue<string>(), c => c!["value"]!.GetValue<double>());
        Assert.True(values[Path.Combine(data, "shard-2.csv")] < 0, string.Join(", ", values));
    }

    [Fact]
    public async Task A_budget_too_small_for_exact_shapley_exits_1_and_writes_nothing()
    {
        var (model, data, test) = await ModelWithShardsAsync("logreg-small-budget");
        var output = node.Directory.File("logreg-small-budget.json");

        var run = await ReportAsync("logreg", model, data, test, output, "--method", "exact-shapley", "--budget", "5");

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal("error: the report could not be built: exact-shapley over 3 contributions needs a budget of 2^3 = 8 coalitions but the budget is 5", run.Err.Trim());
        Assert.False(File.Exists(output));
    }
}

using OpenLedger.Attribution;
using System.Text.Json.Nodes;
using OpenLedger.Attribution.Precision;
using OpenLedger.Attribution.Reports;
using OpenLedger.Cli.Tests.Support;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
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

    /// <summary>The owner seals the test split through `evaluation commit`, which fixes the precision subsets.</summary>
    private async Task SealAsync(long model, string test)
    {
        var seal = await node.RunAsync(["evaluation", "commit", "--model", model.ToString(), "--epoch", "1", "--file", test, .. ChainFixture.Signer(0)]);
        Assert.True(seal.ExitCode == 0, seal.ToString());
        await node.WaitForIndexAsync();
    }

    /// <summary>
    /// A reporter's edit of a built report: <paramref name="tamper"/> changes the JSON, then the precision claims are
    /// recomputed from the edited report as the engine recomputes them, so the node and epoch submit accept it and only
    /// retraining can tell.
    /// </summary>
    private async Task<string> TamperAsync(string path, Action<JsonNode> tamper)
    {
        var json = JsonNode.Parse(await File.ReadAllBytesAsync(path))!;
        tamper(json);
        var precision = json["precision"]!;
        var bare = json.DeepClone().AsObject();
        bare.Remove("precision");
        var values = AttributionEngine.Distribute(PerformanceReportParser.Parse(bare.ToJsonString())).Contributions.ToDictionary(c => c.Id, c => c.Value);
        var subsets = precision["subsets"]!.AsArray();
        var lds = LinearDatamodelingScore.Measure(values,
            [.. subsets.Select(s => (IReadOnlyList<System.Numerics.BigInteger>)[.. s!["members"]!.AsArray().Select(m => System.Numerics.BigInteger.Parse(m!.GetValue<string>()))])],
            [.. subsets.Select(s => s!["utility"]!.GetValue<double>())]);
        precision["lds"] = lds.Spearman;
        precision["lower"] = lds.Lower;
        precision["upper"] = lds.Upper;
        var tampered = Path.ChangeExtension(path, ".tampered.json");
        await File.WriteAllTextAsync(tampered, json.ToJsonString());
        return tampered;
    }

    /// <summary>A sealed model's logreg loo report, tampered by <paramref name="tamper"/>, posted; returns what verify --recompute says.</summary>
    private async Task<CliRun> PostTamperedAndRecomputeAsync(string name, Action<JsonNode> tamper, params string[] extra)
    {
        var (model, data, test) = await ModelWithShardsAsync(name);
        await SealAsync(model, test);
        var output = node.Directory.File($"{name}-report.json");
        var run = await ReportAsync("logreg", model, data, test, output, "--method", "loo");
        Assert.True(run.ExitCode == 0, run.ToString());
        var submit = await node.RunAsync("epoch", "submit", await TamperAsync(output, tamper), "--token-env", NodeRunFixture.TokenVar);
        Assert.True(submit.ExitCode == 0, submit.ToString());
        await node.WaitForIndexAsync();
        return await node.RunAsync(["epoch", "verify", "--model", model.ToString(), "--epoch", "1", "--recompute", "--test", test, "--data", data, .. extra]);
    }

    private Task<CliRun> ReportAsync(string modelClass, long model, string data, string test, string output, params string[] extra) =>
        node.RunAsync(["report", modelClass, "--model", model.ToString(), "--epoch", "1", "--test", test, "--data", data, "--shares", "1000", "--out", output, .. extra]);

    /// <summary>
    /// A logreg loo report written twice, with --json and then as text with one training at a time: the same bytes both times.
    /// </summary>
    private async Task<(CliRun Run, CliRun Again, byte[] Bytes, string Output)> LooReportTwiceAsync(string name, long model, string data, string test)
    {
        var output = node.Directory.File($"{name}-report.json");
        var run = await ReportAsync("logreg", model, data, test, output, "--method", "loo", "--json");
        var again = await ReportAsync("logreg", model, data, test, node.Directory.File($"{name}-again.json"), "--method", "loo", "--parallelism", "1");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(again.ExitCode == 0, again.ToString());
        var bytes = await File.ReadAllBytesAsync(output);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(node.Directory.File($"{name}-again.json")));
        return (run, again, bytes, output);
    }

    [Fact]
    public async Task A_logreg_loo_report_values_the_mislabelled_shard_lowest_is_the_same_bytes_twice_and_the_node_posts_it()
    {
        var (model, data, test) = await ModelWithShardsAsync("logreg-flow");
        var (run, _, bytes, output) = await LooReportTwiceAsync("logreg-flow", model, data, test);
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
        await SealAsync(model, test);
        var output = node.Directory.File("fasttree-exact-report.json");

        var run = await ReportAsync("fasttree", model, data, test, output, "--method", "exact-shapley", "--budget", "8");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"model class +fasttree, 7 coalition\(s\) trained", run.Out); // the precision subsets are not counted
        Assert.Matches(@"precision +LDS -?\d\.\d{4} \[-?\d\.\d{4}, -?\d\.\d{4}\] \(95%, 100 subsets, fasttree retrained\)", run.Out);
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
        Assert.EndsWith("error: the report could not be built: exact-shapley over 3 contributions needs a budget of 2^3 = 8 coalitions but the budget is 5", run.Err.Trim());
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task A_sealed_logreg_report_measures_its_precision_and_verify_recompute_re_measures_its_subsets_and_evidence()
    {
        var (model, data, test) = await ModelWithShardsAsync("logreg-precision");
        await SealAsync(model, test);
        var (run, again, bytes, output) = await LooReportTwiceAsync("logreg-precision", model, data, test);
        var report = PerformanceReportParser.Parse(bytes);
        var block = await node.Rpc.GetBlockByNumberAsync((await node.Reads.Distributor.EvaluationCommitmentAsync(model, 1)).CommittedAtBlock);
        Assert.Equal(block!.Hash, report.Precision!.CommitmentBlockHash);
        Assert.Equal("logreg", report.Precision.ModelClass);
        Assert.Equal(100, report.Precision.Subsets.Count);
        Assert.Equal(report.Precision.Lds, JsonNode.Parse(run.Out)!["precision"]!["lds"]!.GetValue<double>());
        Assert.Contains("logreg: 4 coalition(s) trained for loo in ", run.Err); // the precision subsets train in a game of their own
        Assert.Matches(@"precision +LDS -?\d\.\d{4} \[-?\d\.\d{4}, -?\d\.\d{4}\] \(95%, 100 subsets, logreg retrained\)", again.Out);

        var submit = await node.RunAsync("epoch", "submit", output, "--token-env", NodeRunFixture.TokenVar);
        Assert.True(submit.ExitCode == 0, submit.ToString());
        await node.WaitForIndexAsync();

        // The files cannot check items a model report does not have; they retrain its model with --recompute.
        var items = await node.RunAsync("epoch", "verify", "--model", model.ToString(), "--epoch", "1", "--test", test, "--data", data);
        Assert.Equal(ExitCodes.Failure, items.ExitCode);
        Assert.Equal($"error: the report of model {model} epoch 1 has no items to check against the files (loo evidence); " +
            "add --recompute to retrain its model class on the files for a sample of its coalitions instead", items.Err.Trim());
        var recompute = await node.RunAsync("epoch", "verify", "--model", model.ToString(), "--epoch", "1", "--recompute", "--test", test, "--data", data, "--sample", "10");
        Assert.True(recompute.ExitCode == 0, recompute.ToString());
        Assert.Contains($"precision: {Commands.Operator.ReportKnnSummary.PrecisionText(AttributionEngine.Distribute(report).Precision)}", recompute.Out);
        Assert.Contains("re-measured 10 of 100 subsets: largest difference 0, mean 0; every utility matches the report's", recompute.Out);
        Assert.Contains("re-measured 4 of 4 loo evidence coalitions: largest difference 0, mean 0; every utility matches the report's", recompute.Out);
        var json = JsonNode.Parse((await node.RunAsync("epoch", "verify", "--model", model.ToString(), "--epoch", "1", "--recompute", "--test", test, "--data", data, "--json")).Out)!;
        Assert.True(json["verifies"]!.GetValue<bool>());
        Assert.Equal("loo", json["precision"]!["evidence"]!["method"]!.GetValue<string>());
        Assert.Equal(0, json["precision"]!["evidence"]!["mismatched"]!.GetValue<int>());
        Assert.Equal(20, json["precision"]!["recomputed"]!["sampled"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_tampered_subset_utility_in_a_logreg_report_fails_verify_recompute()
    {
        double reported = 0;
        var run = await PostTamperedAndRecomputeAsync("logreg-tampered-subset", report =>
        {
            var subset = report["precision"]!["subsets"]![0]!;
            reported = subset["utility"]!.GetValue<double>() + 0.1;
            subset["utility"] = reported;
        });

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Matches(@"re-measured 20 of 100 subsets: largest difference 0\.1, mean 0\.005; 1 differ from the report's by more than 1e-9 \(first: subset 0 \[0x[0-9a-f]{64}(, 0x[0-9a-f]{64})*\], reported " +
            System.Text.RegularExpressions.Regex.Escape(reported.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture)) + @", re-measured \d\.\d+\)", run.Out);
        Assert.Contains("every utility matches the report's", run.Out); // the loo evidence is honest
        Assert.Contains("the report's measured utilities do NOT re-measure from the files", run.Out);
    }

    [Fact]
    public async Task A_tampered_evidence_coalition_utility_fails_verify_recompute()
    {
        var run = await PostTamperedAndRecomputeAsync("logreg-tampered-evidence", report =>
        {
            var leftOut = report["attribution"]!["evidence"]!["leftOut"]![0]!;
            leftOut["utility"] = leftOut["utility"]!.GetValue<double>() - 0.2; // contribution 1 looks more valuable than it is
        }, "--json");

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        var json = JsonNode.Parse(run.Out)!;
        Assert.False(json["verifies"]!.GetValue<bool>());
        Assert.Empty(json["differences"]!.AsArray()); // the chain holds what the tampered report pays: only retraining can tell
        Assert.Equal(0, json["precision"]!["recomputed"]!["mismatched"]!.GetValue<int>());
        var evidence = json["precision"]!["evidence"]!;
        Assert.Equal(("loo", 4, 1, 1), (evidence["method"]!.GetValue<string>(), evidence["sampled"]!.GetValue<int>(),
            evidence["mismatched"]!.GetValue<int>(), evidence["firstMismatch"]!.GetValue<int>()));
        Assert.Equal(0.2, evidence["maxDifference"]!.GetValue<double>(), 9);
        Assert.Equal(2, evidence["firstMembers"]!.AsArray().Count); // the full coalition without the first contribution
    }

    [Fact]
    public async Task A_precision_model_class_the_verifier_does_not_know_is_refused_by_name()
    {
        var run = await PostTamperedAndRecomputeAsync("logreg-unknown-class", report => report["precision"]!["modelClass"] = "lightgbm");

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal("error: the precision cannot be re-measured: The report's precision was measured with model class 'lightgbm', " +
            "which this verifier cannot retrain (it knows knn(k=K), logreg, fasttree)", run.Err.Trim());
    }
}

using System.Text.Json.Nodes;
using OpenLedger.Training.Datasets;
using OpenLedger.Attribution.Reports;
using OpenLedger.Cli.Tests.Support;
using OpenLedger.Contracts.Registry;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.TestSupport;

namespace OpenLedger.Cli.Tests;

/// <summary>
/// report knn on a model whose 3 contributions are Wine shards from <see cref="DemoDataset.Prepare"/> (shard 2 fully
/// mislabelled), registered by accounts 1-3 on the chain of <see cref="NodeRunFixture"/>.
/// </summary>
[Collection(NodeRunCollection.Name)]
public sealed class ReportKnnTests(NodeRunFixture node)
{
    private static readonly System.Numerics.BigInteger Ether = NodeRunFixture.Ether;
    private static readonly PreparedDemo Demo = DemoDataset.Prepare(File.ReadAllText(RepoPaths.Combine("data", "wine_data.csv")), contributors: 3, corruptShard: 2, seed: 2026);

    /// <summary>A new model with the 3 shards registered, its files in a fresh folder and the test split beside it.</summary>
    private async Task<(long Model, string Data, string Test)> ModelWithShardsAsync(string name, bool register = true)
    {
        var data = node.Directory.File(name);
        Directory.CreateDirectory(data);
        foreach (var shard in Demo.Shards) await File.WriteAllBytesAsync(Path.Combine(data, $"shard-{shard.Index}.csv"), shard.Bytes);
        var test = node.Directory.File($"{name}-test.csv");
        await File.WriteAllBytesAsync(test, Demo.TestBytes);
        // The registry refuses the same content twice in one model, not across models: every test gets its own model.
        var model = register ? await node.NewModelAsync(Demo.Shards.Select(s => s.ContentHash).ToArray(), 100 * Ether, sealEpochOne: false) : 0;
        return (model, data, test);
    }

    /// <summary>The owner seals the test split through `evaluation commit`, as a model owner would before the report.</summary>
    private async Task SealAsync(long model, string test)
    {
        var seal = await node.RunAsync(["evaluation", "commit", "--model", model.ToString(), "--epoch", "1", "--file", test, .. ChainFixture.Signer(0)]);
        Assert.True(seal.ExitCode == 0, seal.ToString());
        await node.WaitForIndexAsync();
    }

    private Task<CliRun> ReportAsync(long model, string data, string test, string output, params string[] extra) =>
        node.RunAsync(["report", "knn", "--model", model.ToString(), "--epoch", "1", "--test", test, "--data", data, "--shares", "1000", "--out", output, .. extra]);

    [Fact]
    public async Task Report_of_the_registered_shards_reads_back_values_the_mislabelled_shard_negative_and_the_node_posts_it()
    {
        var (model, data, test) = await ModelWithShardsAsync("knn-flow");
        var output = node.Directory.File("knn-flow-report.json");

        var run = await ReportAsync(model, data, test, output, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var bytes = await File.ReadAllBytesAsync(output);
        var report = PerformanceReportParser.Parse(bytes);
        Assert.Equal(model, (long)report.ModelId);
        Assert.Equal(1UL, report.Epoch);
        Assert.Equal("neighbour-credit", report.Attribution.Method);
        Assert.Equal(100 * Ether, report.Rewards.Open);                     // --open defaults to the whole pool
        Assert.Equal(100 * Ether, report.RewardPool);
        Assert.Equal(1000, report.Rewards.Shares);
        Assert.Equal(Demo.TestSetHash, report.Evaluation.TestSetHash);
        Assert.True(report.Evaluation.Score > report.Evaluation.Baseline, $"score {report.Evaluation.Score} vs baseline {report.Evaluation.Baseline}");
        Assert.Equal(Demo.Shards.Select(s => s.ContentHash), report.Contributions.Select(c => c.ContentHash));
        Assert.Equal([1, 2, 3], report.Contributions.Select(c => Array.IndexOf(Enumerable.Range(0, 10).Select(i => CliRunner.Account(i).Address).ToArray(), c.Contributor)));

        var summary = JsonNode.Parse(run.Out)!;
        Assert.Equal(Keccak.Hash(bytes).ToString(), summary["reportHash"]!.GetValue<string>());
        Assert.Equal(Demo.Test.Count, summary["testRows"]!.GetValue<int>());
        var values = summary["contributions"]!.AsArray().ToDictionary(c => c!["file"]!.GetValue<string>(), c => c!["value"]!.GetValue<double>());
        Assert.True(values[Path.Combine(data, "shard-2.csv")] < 0, string.Join(", ", values));
        Assert.True(values[Path.Combine(data, "shard-0.csv")] > 0, string.Join(", ", values));
        Assert.True(values[Path.Combine(data, "shard-1.csv")] > 0, string.Join(", ", values));
        Assert.Equal(values[Path.Combine(data, "shard-2.csv")] < 0 ? 1 : 0, summary["flagCandidates"]!.AsArray().Count);
        // Before the evaluation set is sealed there is no block hash to draw the precision subsets from.
        Assert.Null(report.Precision);
        Assert.Null(summary["precision"]);
        Assert.Contains($"precision not measured: model {model} has no evaluation set sealed for epoch 1 yet", run.Err);

        await SealAsync(model, test);
        var submit = await node.RunAsync("epoch", "submit", output, "--token-env", NodeRunFixture.TokenVar);
        Assert.True(submit.ExitCode == 0, submit.ToString());
        var posted = await node.Reads.Distributor.EpochAsync(model, 1);
        Assert.Equal(Keccak.Hash(bytes), posted.ReportHash);
        Assert.True(posted.TotalOpen > 0 && posted.TotalOpen <= 100 * Ether);
        await node.WaitForIndexAsync();

        // Anyone holding the files can check that the posted report's items are the registered data.
        var verify = await node.RunAsync("epoch", "verify", "--model", model.ToString(), "--epoch", "1", "--test", test, "--data", data);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("the report's items are the contributed files' rows, each under its registered content hash", verify.Out);
        // Without shard 1's file the check names the contribution whose registered content no file has.
        var partial = node.Directory.File("knn-flow-partial");
        Directory.CreateDirectory(partial);
        foreach (var shard in Demo.Shards.Where(s => s.Index != 1)) File.Copy(Path.Combine(data, $"shard-{shard.Index}.csv"), Path.Combine(partial, $"shard-{shard.Index}.csv"));
        var incomplete = await node.RunAsync("epoch", "verify", "--model", model.ToString(), "--epoch", "1", "--test", test, "--data", partial, "--json");
        Assert.Equal(1, incomplete.ExitCode);
        var mismatch = Assert.Single(JsonNode.Parse(incomplete.Out)!["files"]!["mismatches"]!.AsArray())!;
        Assert.Contains($"registered content hash {Demo.Shards[1].ContentHash}, and no given file hashes to it", mismatch["problem"]!.GetValue<string>());
        var alone = await node.RunAsync("epoch", "verify", "--model", model.ToString(), "--epoch", "1", "--test", test);
        Assert.Equal(2, alone.ExitCode);
        Assert.Contains("--test and --data go together", alone.Err);
    }

    [Fact]
    public async Task Once_the_evaluation_set_is_sealed_the_report_measures_and_prints_its_precision_and_the_node_posts_it()
    {
        var (model, data, test) = await ModelWithShardsAsync("knn-precision");
        await SealAsync(model, test);
        var output = node.Directory.File("knn-precision-report.json");

        var json = await ReportAsync(model, data, test, output, "--json");

        Assert.True(json.ExitCode == 0, json.ToString());
        var report = PerformanceReportParser.Parse(await File.ReadAllBytesAsync(output));
        var sealedSet = await node.Reads.Distributor.EvaluationCommitmentAsync(model, 1);
        var block = await node.Rpc.GetBlockByNumberAsync(sealedSet.CommittedAtBlock);
        Assert.Equal(block!.Hash, report.Precision!.CommitmentBlockHash);
        Assert.Equal(100, report.Precision.Subsets.Count);
        Assert.Equal("knn(k=5)", report.Precision.ModelClass);
        var printed = JsonNode.Parse(json.Out)!["precision"]!;
        Assert.Equal(report.Precision.Lds, printed["lds"]!.GetValue<double>());
        Assert.Equal(100, printed["subsets"]!.GetValue<int>());

        var text = await ReportAsync(model, data, test, node.Directory.File("knn-precision-text.json"));
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Matches(@"precision +LDS -?\d\.\d{4} \[-?\d\.\d{4}, -?\d\.\d{4}\] \(95%, 100 subsets, knn\(k=5\) retrained\)", text.Out);

        // The owner requires more precision than the report has: epoch submit refuses it before sending, nothing is posted.
        var strict = await node.RunAsync(["model", "policy", "--model", model.ToString(), "--min-precision", "1", "--json", .. ChainFixture.Signer(0)]);
        Assert.True(strict.ExitCode == 0, strict.ToString());
        Assert.Equal("LDS 1.0000", JsonNode.Parse(strict.Out)!["minPrecision"]!.GetValue<string>());
        await node.WaitForIndexAsync();
        var refused = await node.RunAsync("epoch", "submit", output, "--token-env", NodeRunFixture.TokenVar);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"the report is not submitted: precision.lds: {report.Precision.Lds:0.0000} is below model {model}'s minimum precision of LDS 1.0000 (policy minPrecisionBps 10000)", refused.Err);
        Assert.Equal(System.Numerics.BigInteger.Zero, await node.Reads.Distributor.LastEpochAsync(model));
        var lenient = await node.RunAsync(["model", "policy", "--model", model.ToString(), "--min-precision", "0", .. ChainFixture.Signer(0)]);
        Assert.True(lenient.ExitCode == 0, lenient.ToString());
        await node.WaitForIndexAsync();

        var submit = await node.RunAsync("epoch", "submit", output, "--token-env", NodeRunFixture.TokenVar);
        Assert.True(submit.ExitCode == 0, submit.ToString());

        // epoch verify shows it, and --recompute retrains on a sample of the subsets from the files.
        var verify = await node.RunAsync("epoch", "verify", "--model", model.ToString(), "--epoch", "1");
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains($"precision: {Commands.Operator.ReportKnnSummary.PrecisionText(OpenLedger.Attribution.AttributionEngine.Distribute(report).Precision)}", verify.Out);
        var recompute = await node.RunAsync("epoch", "verify", "--model", model.ToString(), "--epoch", "1", "--recompute", "--test", test, "--data", data, "--sample", "10");
        Assert.True(recompute.ExitCode == 0, recompute.ToString());
        Assert.Contains("re-measured 10 of 100 subsets: largest difference 0, mean 0; every utility matches the report's", recompute.Out);
        var verifyJson = JsonNode.Parse((await node.RunAsync("epoch", "verify", "--model", model.ToString(), "--epoch", "1", "--json")).Out)!;
        Assert.Equal(report.Precision.Lds, verifyJson["precision"]!["lds"]!.GetValue<double>());
    }

    [Fact]
    public async Task Table_shows_each_contributions_value_and_files_matching_no_contribution_are_ignored_on_stderr()
    {
        var (model, data, test) = await ModelWithShardsAsync("knn-table");
        File.Copy(test, Path.Combine(data, "held-out.csv"));                   // a CSV no one registered
        File.Copy(Path.Combine(data, "shard-0.csv"), Path.Combine(data, "zz-copy-of-shard-0.csv"));
        var output = node.Directory.File("knn-table-report.json");

        var run = await ReportAsync(model, data, test, output, "--open", "12.5", "--k", "3");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"ignored: {Path.Combine(data, "held-out.csv")}: content hash {Demo.TestSetHash} is not a contribution of this model", run.Err);
        Assert.Contains($"ignored: {Path.Combine(data, "zz-copy-of-shard-0.csv")}: same content as {Path.Combine(data, "shard-0.csv")}", run.Err);
        Assert.Matches($@"report hash +{Keccak.Hash(await File.ReadAllBytesAsync(output))}", run.Out);
        Assert.Contains("knn-agreement@3 (neighbour-credit)", run.Out);
        Assert.Contains(" value ", run.Out);
        Assert.Contains("12.5 OPEN of a pool of 100, 1000 shares", run.Out);
        // Rows in registration order: shard 0, 1, 2 were registered in that order.
        var rows = Demo.Shards.Select(shard => run.Out.IndexOf($" shard-{shard.Index}.csv ", StringComparison.Ordinal)).ToArray();
        Assert.All(rows, r => Assert.True(r > 0, run.Out));
        Assert.Equal(rows.Order(), rows);
        var report = PerformanceReportParser.Parse(await File.ReadAllBytesAsync(output));
        Assert.Equal(12.5m * 1_000_000_000_000_000_000m, (decimal)report.Rewards.Open);
        Assert.Equal(3, ((OpenLedger.Attribution.Methods.NeighbourCreditEvidence)report.Attribution.Evidence).K);
    }

    [Fact]
    public async Task Slashed_contribution_is_reported_as_slashed_with_its_file_and_left_out_without_it()
    {
        var (model, data, test) = await ModelWithShardsAsync("knn-slashed");
        var owner = await node.AsAsync(0);
        await owner.Registry.SetValidatorAsync(model, CliRunner.Account(0).Address, true);
        await owner.Registry.FlagAsync(model, Demo.Shards[2].ContentHash, "mislabelled");
        await node.Rpc.IncreaseTimeAsync(1);
        await owner.Registry.SlashAsync(model, Demo.Shards[2].ContentHash);
        await node.WaitForIndexAsync();
        var output = node.Directory.File("knn-slashed-report.json");

        var withFile = await ReportAsync(model, data, test, output, "--json");

        Assert.True(withFile.ExitCode == 0, withFile.ToString());
        var report = PerformanceReportParser.Parse(await File.ReadAllBytesAsync(output));
        Assert.Equal([ContributionStatus.Active, ContributionStatus.Active, ContributionStatus.Slashed], report.Contributions.Select(c => c.Status));
        var slashed = JsonNode.Parse(withFile.Out)!["contributions"]!.AsArray()[2]!;
        Assert.Equal("slashed", slashed["outcome"]!.GetValue<string>());
        Assert.Equal(0.0, slashed["value"]!.GetValue<double>());
        await SealAsync(model, test);
        var submit = await node.RunAsync("epoch", "submit", output, "--token-env", NodeRunFixture.TokenVar);
        Assert.True(submit.ExitCode == 0, submit.ToString()); // the node's cross-check agrees: slashed on chain and in the report

        File.Delete(Path.Combine(data, "shard-2.csv"));
        var withoutFile = await ReportAsync(model, data, test, node.Directory.File("knn-slashed-without.json"));
        Assert.True(withoutFile.ExitCode == 0, withoutFile.ToString());
        var id = PerformanceReportParser.Parse(await File.ReadAllBytesAsync(output)).Contributions[2].Id;
        Assert.Contains($"left out: slashed contribution 0x{id.ToString("x64")[^64..]} has no file in the data directory", withoutFile.Err);
        Assert.Equal(2, PerformanceReportParser.Parse(await File.ReadAllBytesAsync(node.Directory.File("knn-slashed-without.json"))).Contributions.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(500)]
    public async Task Contributions_are_read_across_every_page_of_the_node_api_in_registration_order(int pageSize)
    {
        var model = await node.NewModelAsync([Keccak.Hash($"paging-{pageSize}-a"), Keccak.Hash($"paging-{pageSize}-b"), Keccak.Hash($"paging-{pageSize}-c")], 0);

        var entries = await OpenLedger.Cli.Infrastructure.RegisteredContributions.ReadAsync(new OpenLedger.Cli.Infrastructure.NodeApi(node.NodeUrl), model, CancellationToken.None, pageSize);

        Assert.Equal(new[] { "a", "b", "c" }.Select(x => Keccak.Hash($"paging-{pageSize}-{x}")), entries.Select(e => e.ContentHash));
        Assert.Equal(new[] { 1, 2, 3 }.Select(i => CliRunner.Account(i).Address), entries.Select(e => e.Contributor));
        Assert.True(entries.Zip(entries.Skip(1)).All(p => p.First.RegisteredBefore(p.Second)));
        Assert.All(entries, e => Assert.Equal(ContributionStatus.Active, e.Status));
    }

    [Fact]
    public async Task A_registration_a_reveal_superseded_is_not_read_as_a_contribution_the_revealers_is()
    {
        var taken = Keccak.Hash("superseded-c");
        var model = await node.NewModelAsync([Keccak.Hash("superseded-a"), Keccak.Hash("superseded-b")], 0);
        // Account 4 commits to content, account 3 registers it directly after, account 4's reveal takes it back.
        var revealer = await node.AsAsync(4);
        var salt = Keccak.Hash("salt");
        var types = new[] { AbiType.Parse("address"), AbiType.Parse("uint256"), AbiType.Parse("bytes32"), AbiType.Parse("bytes32") };
        await revealer.Registry.CommitAsync(Keccak.Hash(AbiEncoder.Encode(types, [CliRunner.Account(4).Address, new System.Numerics.BigInteger(model), taken, salt])));
        await (await node.AsAsync(3)).Registry.RegisterAsync(model, new Entry(taken, Kind.Data, 0, "ipfs://copy"));
        await revealer.Registry.RevealAsync(model, new Entry(taken, Kind.Data, 0, "ipfs://original"), salt);
        await node.WaitForIndexAsync();

        var entries = await OpenLedger.Cli.Infrastructure.RegisteredContributions.ReadAsync(new OpenLedger.Cli.Infrastructure.NodeApi(node.NodeUrl), model, CancellationToken.None);

        Assert.Equal([(CliRunner.Account(1).Address, Keccak.Hash("superseded-a")), (CliRunner.Account(2).Address, Keccak.Hash("superseded-b")),
            (CliRunner.Account(4).Address, taken)], entries.Select(e => (e.Contributor, e.ContentHash)));
        Assert.All(entries, e => Assert.Equal(ContributionStatus.Active, e.Status));
    }

    [Fact]
    public async Task Registered_contribution_without_its_file_exits_1_listing_the_missing_hash_and_writes_nothing()
    {
        var (model, data, test) = await ModelWithShardsAsync("knn-missing");
        File.Delete(Path.Combine(data, "shard-1.csv"));
        var output = node.Directory.File("knn-missing-report.json");

        var run = await ReportAsync(model, data, test, output);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal($"error: 1 registered contribution(s) of model {model} have no file in {data}: {Demo.Shards[1].ContentHash}", run.Err.Trim());
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Unknown_model_exits_1()
    {
        var (_, data, test) = await ModelWithShardsAsync("knn-unknown", register: false);
        var run = await ReportAsync(999, data, test, node.Directory.File("knn-unknown-report.json"));
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal("error: model 999 does not exist on chain 31337", run.Err.Trim());
    }

    [Fact]
    public async Task Open_above_the_reward_pool_exits_1()
    {
        var (model, data, test) = await ModelWithShardsAsync("knn-over");
        var run = await ReportAsync(model, data, test, node.Directory.File("knn-over-report.json"), "--open", "100.5");
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal($"error: --open 100.5 OPEN is more than model {model}'s reward pool of 100 OPEN", run.Err.Trim());
    }

    [Fact]
    public async Task Malformed_dataset_file_exits_1_naming_the_file_and_line()
    {
        var (_, data, test) = await ModelWithShardsAsync("knn-malformed", register: false);
        var bad = Path.Combine(data, "broken.csv");
        await File.WriteAllTextAsync(bad, "2,1,a,b\n0.5,0\nx,1\n");
        var run = await ReportAsync(1, data, test, node.Directory.File("knn-malformed-report.json"));
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.StartsWith($"error: the dataset file {bad} is not a scikit-learn CSV: line 3: feature 1 must be a number", run.Err);
    }

    [Fact]
    public async Task Missing_data_directory_exits_1()
    {
        var (_, _, test) = await ModelWithShardsAsync("knn-nodir", register: false);
        var missing = node.Directory.File("no-such-dir");
        var run = await ReportAsync(1, missing, test, node.Directory.File("knn-nodir-report.json"));
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal($"error: the data directory {missing} does not exist", run.Err.Trim());
    }
}

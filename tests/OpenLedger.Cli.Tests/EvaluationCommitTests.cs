using System.Text.Json.Nodes;
using OpenLedger.Training.Datasets;
using OpenLedger.Cli.Tests.Support;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.TestSupport;

namespace OpenLedger.Cli.Tests;

/// <summary>
/// evaluation commit on the chain of <see cref="NodeRunFixture"/>: the model owner (account 0) seals the next epoch's
/// test split by the keccak-256 of its file; every refusal is one line and sends nothing.
/// </summary>
[Collection(NodeRunCollection.Name)]
public sealed class EvaluationCommitTests(NodeRunFixture node)
{
    private static readonly PreparedDemo Demo = DemoDataset.Prepare(File.ReadAllText(RepoPaths.Combine("data", "wine_data.csv")), contributors: 2, corruptShard: null, seed: 77);
    private int _content;

    private async Task<(long Model, string Test)> ModelAndTestFileAsync(string name)
    {
        var model = await node.NewModelAsync([Keccak.Hash($"{name}-{++_content}")], 0, sealEpochOne: false);
        var test = node.Directory.File($"{name}-test.csv");
        await File.WriteAllBytesAsync(test, Demo.TestBytes);
        return (model, test);
    }

    private Task<CliRun> CommitAsync(long model, string file, int signer = 0, long epoch = 1, params string[] extra) =>
        node.RunAsync(["evaluation", "commit", "--model", model.ToString(), "--epoch", epoch.ToString(), "--file", file, .. extra, .. ChainFixture.Signer(signer)]);

    private static void AssertOneLineRefusal(CliRun run, string expected)
    {
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("", run.Out);
        Assert.Equal($"error: {expected}", run.Err.TrimEnd('\n'));
    }

    [Fact]
    public async Task Owner_seals_the_keccak_of_the_file_the_chain_and_the_node_hold_it_and_it_is_what_report_knn_writes()
    {
        var (model, test) = await ModelAndTestFileAsync("seal-flow");

        var run = await CommitAsync(model, test, extra: "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var printed = JsonNode.Parse(run.Out)!;
        var hash = Keccak.Hash(await File.ReadAllBytesAsync(test));
        Assert.Equal(Demo.TestSetHash, hash); // the hash report knn puts in evaluation.testSetHash
        Assert.Equal(hash.ToString(), printed["test set hash"]!.GetValue<string>());
        var onChain = await node.Reads.Distributor.EvaluationCommitmentAsync(model, 1);
        Assert.Equal(hash, onChain.TestSetHash);
        Assert.Equal(onChain.CommittedAtBlock.ToString(), printed["block"]!.GetValue<string>());

        await node.WaitForIndexAsync();
        using var http = new HttpClient { BaseAddress = node.NodeUrl };
        var served = JsonNode.Parse(await http.GetStringAsync($"/models/{model}/epochs/1/evaluation"))!;
        Assert.Equal(hash.ToString(), served["testSetHash"]!.GetValue<string>());
        Assert.Equal(printed["transaction"]!.GetValue<string>(), served["txHash"]!.GetValue<string>());

        var plain = await CommitAsync(model, test);
        AssertOneLineRefusal(plain, $"model {model} epoch 1 already has a sealed evaluation set {hash} (block {onChain.CommittedAtBlock}): this very file");
    }

    [Fact]
    public async Task Table_output_prints_the_hash_and_the_transaction()
    {
        var (model, test) = await ModelAndTestFileAsync("seal-table");
        var run = await CommitAsync(model, test);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches($@"test set hash +{Demo.TestSetHash}", run.Out);
        Assert.Matches(@"transaction +0x[0-9a-f]{64}", run.Out);
    }

    [Fact]
    public async Task A_missing_a_malformed_an_empty_or_a_non_canonical_file_is_refused_naming_it_and_nothing_is_sent()
    {
        var (model, _) = await ModelAndTestFileAsync("seal-bad-file");
        var missing = node.Directory.File("no-such-test.csv");
        var run = await CommitAsync(model, missing);
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"error: cannot read the test set file {missing}: ", run.Err);

        var malformed = node.Directory.File("malformed-test.csv");
        await File.WriteAllTextAsync(malformed, "2,2,a,b\n1.0,2.0,0\n1.0,oops,1\n");
        AssertOneLineRefusal(await CommitAsync(model, malformed), $"the test set file {malformed} is not a scikit-learn CSV: line 3: feature 2 must be a number but is \"oops\"");

        var empty = node.Directory.File("empty-test.csv");
        await File.WriteAllTextAsync(empty, "0,2,a,b\n");
        AssertOneLineRefusal(await CommitAsync(model, empty), $"the test set file {empty} has no rows: there is nothing to evaluate on");

        var crlf = node.Directory.File("crlf-test.csv");
        var text = System.Text.Encoding.UTF8.GetString(Demo.TestBytes).Replace("\n", "\r\n");
        await File.WriteAllTextAsync(crlf, text);
        AssertOneLineRefusal(await CommitAsync(model, crlf), $"the test set file {crlf} is not in canonical scikit-learn CSV form: its keccak-256 is " +
            $"{Keccak.Hash(System.Text.Encoding.UTF8.GetBytes(text))} but a report on its rows carries {Demo.TestSetHash} (values in shortest round-trip form, LF line ends, a final LF)");

        Assert.Equal(default, (await node.Reads.Distributor.EvaluationCommitmentAsync(model, 1)).TestSetHash);
    }

    [Fact]
    public async Task An_unknown_model_a_signer_who_is_not_the_owner_and_an_epoch_other_than_the_next_are_refused_before_sending()
    {
        var (model, test) = await ModelAndTestFileAsync("seal-refusals");
        AssertOneLineRefusal(await CommitAsync(9_999, test), $"model 9999 does not exist on chain {HardhatNode.ChainId}");
        AssertOneLineRefusal(await CommitAsync(model, test, signer: 1),
            $"only the owner {CliRunner.Account(0).Address} of model {model} may seal its evaluation set; the signer is {CliRunner.Account(1).Address}");
        AssertOneLineRefusal(await CommitAsync(model, test, epoch: 2),
            $"model {model}'s next epoch is 1: an evaluation set can be sealed only for it, not for epoch 2");
        Assert.Equal(default, (await node.Reads.Distributor.EvaluationCommitmentAsync(model, 1)).TestSetHash);
    }

    [Fact]
    public async Task A_set_revealed_with_a_posted_epoch_is_never_sealed_again_and_the_hint_says_why()
    {
        var (model, test) = await ModelAndTestFileAsync("seal-reuse");
        Assert.Equal(0, (await CommitAsync(model, test)).ExitCode);
        // Account 0 holds the reporter role here: epoch 1 is posted (nothing to pay) with the sealed set.
        await (await node.AsAsync(0)).Distributor.PostEpochAsync(model, 1, Keccak.Hash("root"), 0, 0, Keccak.Hash("report"), "");

        var run = await CommitAsync(model, test, epoch: 2);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("DistributorEvaluationSetReused", run.Err);
        Assert.Contains("hint: this test set was sealed for epoch 1 and revealed with its report: hold out a fresh one", run.Err);
        Assert.Equal(default, (await node.Reads.Distributor.EvaluationCommitmentAsync(model, 2)).TestSetHash);
    }

    [Fact]
    public async Task Help_describes_every_option()
    {
        var run = await CliRunner.RunAsync(["evaluation", "commit", "--help"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("seal the next epoch's test set on chain", run.Out);
        Assert.Contains("the model's next one (last posted + 1)", run.Out);
        Assert.Contains("its keccak-256 is sealed", run.Out);
    }
}

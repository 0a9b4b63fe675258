using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Cli.Tests.Support;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;

namespace OpenLedger.Cli.Tests;

[Collection(ChainCollection.Name)]
public sealed class ContributorFlowTests(ChainFixture chain)
{
    private async Task<string> CreateModelAsync(int owner, params string[] policy)
    {
        var run = await chain.RunAsync(["model", "create", "--metadata-uri", "ipfs://model", "--json", .. policy, .. ChainFixture.Signer(owner)]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonNode.Parse(run.Out)!["model"]!.GetValue<string>();
    }

    private string WriteFile(string name, string content)
    {
        var path = chain.Directory.File(name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Contribute_with_a_permit_registers_the_file_hash_and_a_second_time_is_refused_with_the_existing_id()
    {
        var model = await CreateModelAsync(0, "--min-bond", "1");
        var file = WriteFile("data-1.txt", "first dataset");
        var run = await chain.RunAsync(["contribute", "--model", model, "--file", file, "--kind", "data", "--bond", "2.5", "--json", .. ChainFixture.Signer(1)]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var result = JsonNode.Parse(run.Out)!;
        var hash = Keccak.Hash(File.ReadAllBytes(file)).ToString();
        Assert.Equal(hash, result["contentHash"]!.GetValue<string>());
        var expectedId = Keccak.Hash(OpenLedger.Ethereum.Abi.AbiEncoder.Encode([OpenLedger.Ethereum.Abi.AbiType.Parse("uint256"), OpenLedger.Ethereum.Abi.AbiType.Parse("bytes32")], [BigInteger.Parse(model), Hash32.Parse(hash)])).ToString();
        Assert.Equal(expectedId, result["id"]!.GetValue<string>());

        var again = await chain.RunAsync(["contribute", "--model", model, "--file", file, "--kind", "data", .. ChainFixture.Signer(2)]);
        Assert.Equal(ExitCodes.Failure, again.ExitCode);
        Assert.Contains($"hint: this content is already registered as {expectedId}", again.Err);
    }

    [Fact]
    public async Task Contribute_to_a_commit_reveal_model_commits_then_reveals()
    {
        var model = await CreateModelAsync(0, "--commit-reveal", "true");
        var run = await chain.RunAsync(["contribute", "--model", model, "--file", WriteFile("cr.txt", "committed"), "--kind", "finetune", .. ChainFixture.Signer(1)]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("committed 0x", run.Out);
    }

    [Fact]
    public async Task Gasless_contribute_goes_through_the_relay_and_the_contributor_pays_no_gas()
    {
        var model = await CreateModelAsync(0);
        var contributor = CliRunner.Account(4).Address;
        var ethBefore = await chain.Rpc.GetBalanceAsync(contributor, BlockTag.Latest);
        var run = await chain.RunAsync(["contribute", "--model", model, "--file", WriteFile("gasless.txt", "relayed"), "--kind", "evaluation", "--gasless", "--json", .. ChainFixture.Signer(4)]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("True", JsonNode.Parse(run.Out)!["relayed"]!.GetValue<string>());
        Assert.Equal(ethBefore, await chain.Rpc.GetBalanceAsync(contributor, BlockTag.Latest));
    }

    [Fact]
    public async Task Gasless_contribute_with_a_bond_above_the_OPEN_balance_is_refused_in_one_line_before_signing()
    {
        var model = await CreateModelAsync(0, "--min-bond", "1");
        var poor = CliRunner.Account(11).Address; // never funded with OPEN: a permit cannot make up for that
        var nonceBefore = await chain.Rpc.GetTransactionCountAsync(poor, BlockTag.Latest);
        var run = await chain.RunAsync(["contribute", "--model", model, "--file", WriteFile("g2.txt", "no OPEN"), "--kind", "data", "--gasless", .. ChainFixture.Signer(11)]);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.StartsWith("error: too little OPEN", run.Err);
        Assert.Single(run.Err.Trim().Split('\n'));
        Assert.Equal(nonceBefore, await chain.Rpc.GetTransactionCountAsync(poor, BlockTag.Latest));
    }

    [Fact]
    public async Task Contribute_refusals_are_one_line_and_send_nothing()
    {
        var model = await CreateModelAsync(0, "--min-bond", "1");
        var file = WriteFile("refused.txt", "refused");
        var poor = CliRunner.Account(11).Address; // never funded with OPEN
        var nonceBefore = await chain.Rpc.GetTransactionCountAsync(poor, BlockTag.Latest);

        var cases = new (string[] Args, string Expected)[]
        {
            (["contribute", "--model", "999", "--file", file, "--kind", "data"], "error: model 999 does not exist"),
            (["contribute", "--model", model, "--file", chain.Directory.File("missing.bin"), "--kind", "data"], "error: cannot read"),
            (["contribute", "--model", model, "--file", file, "--kind", "data"], "error: too little OPEN"),
        };
        foreach (var (args, expected) in cases)
        {
            var run = await chain.RunAsync([.. args, .. ChainFixture.Signer(11)]);
            Assert.True(run.ExitCode == ExitCodes.Failure, run.ToString());
            Assert.StartsWith(expected, run.Err);
            Assert.Single(run.Err.Trim().Split('\n'));
        }
        Assert.Equal(nonceBefore, await chain.Rpc.GetTransactionCountAsync(poor, BlockTag.Latest));
    }

    [Fact]
    public async Task A_deployment_for_another_chain_is_refused()
    {
        var json = JsonNode.Parse(File.ReadAllText(chain.DeploymentFile))!;
        json["chainId"] = 1;
        var other = chain.Directory.File("mainnet.json");
        File.WriteAllText(other, json.ToJsonString());
        var run = await CliRunner.RunAsync(["status", "--rpc", chain.Chain.Url.ToString(), "--deployment", other]);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.StartsWith($"error: wrong chain: {other} is for chain id 1 but the node at", run.Err);
    }

    [Fact]
    public async Task Owner_flow_validator_flag_slash_and_bond_withdraw_by_id()
    {
        var model = await CreateModelAsync(0, "--min-bond", "1", "--bond-lock", "100", "--dispute-window", "100");
        var bad = WriteFile("bad.txt", "bad data");
        var good = WriteFile("good.txt", "good data");
        Assert.Equal(0, (await chain.RunAsync(["contribute", "--model", model, "--file", bad, "--kind", "data", .. ChainFixture.Signer(2)])).ExitCode);
        var goodRun = await chain.RunAsync(["contribute", "--model", model, "--file", good, "--kind", "data", "--json", .. ChainFixture.Signer(2)]);
        Assert.Equal(0, goodRun.ExitCode);
        var goodId = JsonNode.Parse(goodRun.Out)!["id"]!.GetValue<string>();
        var badHash = Keccak.Hash(File.ReadAllBytes(bad)).ToString();

        var notValidator = await chain.RunAsync(["flag", "--model", model, "--content-hash", badHash, "--reason", "spam", .. ChainFixture.Signer(3)]);
        Assert.Equal(ExitCodes.Failure, notValidator.ExitCode);
        Assert.Contains("hint: the model owner adds one", notValidator.Err);

        var notOwner = await chain.RunAsync(["validator", "add", "--model", model, "--address", CliRunner.Account(3).Address.ToString(), .. ChainFixture.Signer(3)]);
        Assert.Equal(ExitCodes.Failure, notOwner.ExitCode);
        Assert.Equal(0, (await chain.RunAsync(["validator", "add", "--model", model, "--address", CliRunner.Account(3).Address.ToString(), .. ChainFixture.Signer(0)])).ExitCode);
        Assert.Equal(0, (await chain.RunAsync(["flag", "--model", model, "--content-hash", badHash, "--reason", "spam", .. ChainFixture.Signer(3)])).ExitCode);

        var early = await chain.RunAsync(["slash", "--model", model, "--content-hash", badHash, .. ChainFixture.Signer(3)]);
        Assert.Equal(ExitCodes.Failure, early.ExitCode);
        Assert.Contains("RegistryDisputeWindowOpen", early.Err);
        Assert.Contains("hint: the flag's dispute window is still open", early.Err);

        await chain.Rpc.IncreaseTimeAsync(200);
        await chain.Rpc.MineAsync();
        Assert.Equal(0, (await chain.RunAsync(["slash", "--model", model, "--content-hash", badHash, .. ChainFixture.Signer(3)])).ExitCode);

        await chain.WaitForIndexAsync();
        var withdraw = await chain.RunAsync(["bond", "withdraw", "--id", goodId, "--json", .. ChainFixture.Signer(2)]);
        Assert.True(withdraw.ExitCode == 0, withdraw.ToString());
        Assert.Equal("1", JsonNode.Parse(withdraw.Out)!["amount"]!.GetValue<string>());
        Assert.Equal(0, (await chain.RunAsync(["validator", "remove", "--model", model, "--address", CliRunner.Account(3).Address.ToString(), .. ChainFixture.Signer(0)])).ExitCode);
    }

    [Fact]
    public async Task Model_policy_shows_and_changes_fields_and_contributions_list_reads_the_node()
    {
        var model = await CreateModelAsync(1);
        var change = await chain.RunAsync(["model", "policy", "--model", model, "--min-bond", "3", "--json", .. ChainFixture.Signer(1)]);
        Assert.True(change.ExitCode == 0, change.ToString());
        var shown = await chain.RunAsync(["model", "policy", "--model", model, "--json"]);
        Assert.Equal("3", JsonNode.Parse(shown.Out)!["minBond"]!.GetValue<string>());
        var notOwner = await chain.RunAsync(["model", "policy", "--model", model, "--min-bond", "0", .. ChainFixture.Signer(2)]);
        Assert.Equal(ExitCodes.Failure, notOwner.ExitCode);

        Assert.Equal(0, (await chain.RunAsync(["contribute", "--model", model, "--file", WriteFile("listed.txt", "listed"), "--kind", "compute", .. ChainFixture.Signer(3)])).ExitCode);
        await chain.WaitForIndexAsync();
        var list = await chain.RunAsync(["contributions", "list", "--model", model, "--json"]);
        Assert.True(list.ExitCode == 0, list.ToString());
        var items = JsonNode.Parse(list.Out)!.AsArray();
        Assert.Single(items);
        Assert.Equal(CliRunner.Account(3).Address.ToString(), items[0]!["contributor"]!.GetValue<string>(), ignoreCase: true);
        var table = await chain.RunAsync(["contributions", "list", "--model", model]);
        Assert.Contains("1 contribution(s)", table.Out);
    }

    [Fact]
    public async Task Revenue_deposit_checks_the_balance_and_withdraw_refuses_when_nothing_accrued()
    {
        var model = await CreateModelAsync(0);
        var deposit = await chain.RunAsync(["revenue", "deposit", "--model", model, "--amount", "10", .. ChainFixture.Signer(1)]);
        Assert.True(deposit.ExitCode == 0, deposit.ToString());
        var tooMuch = await chain.RunAsync(["revenue", "deposit", "--model", model, "--amount", "1000000", .. ChainFixture.Signer(1)]);
        Assert.Equal(ExitCodes.Failure, tooMuch.ExitCode);
        Assert.StartsWith("error: too little OPEN", tooMuch.Err);
        var withdraw = await chain.RunAsync(["revenue", "withdraw", "--model", model, .. ChainFixture.Signer(2)]);
        Assert.Equal(ExitCodes.Failure, withdraw.ExitCode);
        Assert.Contains("has no revenue to withdraw", withdraw.Err);
    }

    [Fact]
    public async Task Status_index_and_claim_without_proofs()
    {
        var status = await chain.RunAsync(["status", "--json"]);
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Equal(31337, JsonNode.Parse(status.Out)!["chainId"]!.GetValue<int>());

        var index = await chain.RunAsync(["index", "--to-head", "--database", chain.Directory.File("backfill.db"), "--json"]);
        Assert.True(index.ExitCode == 0, index.ToString());
        var summary = JsonNode.Parse(index.Out)!;
        Assert.Equal(summary["head"]!.GetValue<string>(), summary["to"]!.GetValue<string>());

        var model = await CreateModelAsync(0);
        await chain.WaitForIndexAsync(); // the node lists a model's epochs only once it has indexed the model
        var claim = await chain.RunAsync(["claim", "--model", model, "--all", .. ChainFixture.Signer(1)]);
        Assert.Equal(ExitCodes.Failure, claim.ExitCode);
        Assert.StartsWith("error: nothing to claim", claim.Err);
    }
}

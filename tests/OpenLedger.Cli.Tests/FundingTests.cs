using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Cli.Tests.Support;
using OpenLedger.Ethereum.Accounts;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;

namespace OpenLedger.Cli.Tests;

/// <summary>
/// A new contributor on the local chain: a wallet with nothing is told how to get ETH and OPEN, dev fund gives it both,
/// token transfer moves OPEN on; plus the refusals a careless user meets (a folder as --file, a locked bond).
/// Each new wallet is account 0 of a mnemonic drawn for the test, so it starts with nothing whatever else ran on the chain.
/// </summary>
[Collection(ChainCollection.Name)]
public sealed class FundingTests(ChainFixture chain)
{
    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);
    private const string NewWalletVar = "OL_TEST_NEW_WALLET";

    /// <summary>A wallet no one has used: its address, the environment holding its mnemonic and its signer options.</summary>
    private static (Address Address, Dictionary<string, string> Env, string[] Signer) NewWallet()
    {
        var mnemonic = Mnemonic.Generate();
        var env = CliRunner.BaseEnvironment();
        env[NewWalletVar] = mnemonic.Phrase;
        return (new HdWallet(mnemonic).GetAccount(0).Address, env, ["--mnemonic-env", NewWalletVar]);
    }

    private async Task<string> CreateModelAsync(params string[] policy)
    {
        var run = await chain.RunAsync(["model", "create", "--metadata-uri", "ipfs://funding", "--json", .. policy, .. ChainFixture.Signer(0)]);
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
    public async Task Sending_from_a_wallet_with_no_ETH_says_to_fund_it_or_use_gasless_instead_of_the_nodes_text()
    {
        var model = await CreateModelAsync();
        var (poor, env, signer) = NewWallet();
        var run = await chain.RunAsync(env, ["contribute", "--model", model, "--file", WriteFile("no-eth.txt", "no ETH at all"), "--kind", "data", .. signer]);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal($"error: {poor} has too little ETH to pay for this transaction's gas; fund it on this local chain with: openledger dev fund --to {poor}; " +
            "contribute --gasless needs no ETH (the node's relayer pays the gas)", run.Err.Trim());
        Assert.DoesNotContain("eth_sendRawTransaction", run.Err);
    }

    [Fact]
    public async Task Too_little_OPEN_says_how_to_get_some_on_this_chain()
    {
        var model = await CreateModelAsync("--min-bond", "1");
        var (poor, env, signer) = NewWallet();
        var run = await chain.RunAsync(env, ["contribute", "--model", model, "--file", WriteFile("no-open.txt", "no OPEN"), "--kind", "data", .. signer]);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal($"error: too little OPEN: {poor} holds 0 but the bond is 1; on this local chain: openledger dev fund --to {poor}; " +
            $"elsewhere an OPEN holder sends some with: openledger token transfer --to {poor} --amount N", run.Err.Trim());
    }

    [Fact]
    public async Task Dev_fund_gives_a_new_wallet_ETH_and_OPEN_so_it_can_contribute_and_transfer_OPEN_on()
    {
        var (wallet, env, signer) = NewWallet();
        var funded = await chain.RunAsync(["dev", "fund", "--to", wallet.ToString(), "--eth", "2", "--open", "50", "--json"]);
        Assert.True(funded.ExitCode == 0, funded.ToString());
        Assert.Equal("50", JsonNode.Parse(funded.Out)!["OPEN"]!.GetValue<string>());
        Assert.Equal(2 * Ether, await chain.Rpc.GetBalanceAsync(wallet, BlockTag.Latest));

        var model = await CreateModelAsync("--min-bond", "1");
        var contributed = await chain.RunAsync(env, ["contribute", "--model", model, "--file", WriteFile("funded.txt", "funded by dev fund " + wallet), "--kind", "data", .. signer]);
        Assert.True(contributed.ExitCode == 0, contributed.ToString());

        var receiver = NewWallet().Address;
        var sent = await chain.RunAsync(env, ["token", "transfer", "--to", receiver.ToString(), "--amount", "12.5", "--json", .. signer]);
        Assert.True(sent.ExitCode == 0, sent.ToString());
        Assert.Equal("36.5", JsonNode.Parse(sent.Out)!["balance"]!.GetValue<string>()); // 50 - 1 bond - 12.5
        var balance = await chain.RunAsync(["token", "balance", "--address", receiver.ToString(), "--json"]);
        Assert.True(balance.ExitCode == 0, balance.ToString());
        Assert.Equal(("12.5", "0"), (JsonNode.Parse(balance.Out)!["OPEN"]!.GetValue<string>(), JsonNode.Parse(balance.Out)!["ETH"]!.GetValue<string>()));

        var tooMuch = await chain.RunAsync(env, ["token", "transfer", "--to", receiver.ToString(), "--amount", "1000", .. signer]);
        Assert.Equal(ExitCodes.Failure, tooMuch.ExitCode);
        Assert.StartsWith($"error: too little OPEN: {wallet} holds 36.5 but the transfer is 1000; on this local chain: openledger dev fund --to {wallet}", tooMuch.Err);
    }

    [Fact]
    public async Task Contribute_with_a_folder_as_file_names_it_as_a_folder()
    {
        var model = await CreateModelAsync();
        var run = await chain.RunAsync(["contribute", "--model", model, "--file", chain.Directory.Path, "--kind", "data", .. ChainFixture.Signer(1)]);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal($"error: the file to hash {chain.Directory.Path} is a folder, not a file", run.Err.Trim());
    }

    [Fact]
    public async Task A_locked_bond_is_refused_with_its_unlock_time_as_a_UTC_date_time()
    {
        var model = await CreateModelAsync("--min-bond", "1", "--bond-lock", "86400");
        var file = WriteFile("locked.txt", "locked bond");
        var contributed = await chain.RunAsync(["contribute", "--model", model, "--file", file, "--kind", "data", "--json", .. ChainFixture.Signer(2)]);
        Assert.True(contributed.ExitCode == 0, contributed.ToString());
        var hash = JsonNode.Parse(contributed.Out)!["contentHash"]!.GetValue<string>();
        var run = await chain.RunAsync(["bond", "withdraw", "--model", model, "--content-hash", hash, .. ChainFixture.Signer(2)]);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        var hint = run.Err.Split('\n').Single(l => l.StartsWith("hint: ", StringComparison.Ordinal));
        Assert.Matches(@"^hint: the bond is locked until \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(unix \d+\)$", hint);
    }
}

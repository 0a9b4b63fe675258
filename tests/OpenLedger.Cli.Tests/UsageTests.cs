using OpenLedger.Cli.Tests.Support;

namespace OpenLedger.Cli.Tests;

/// <summary>Bad command lines: exit code 2, a message on stderr, nothing done (no chain is even running here).</summary>
public sealed class UsageTests
{
    [Theory]
    [InlineData("contribute --model 1 --file f --mnemonic-env M")]                       // --kind missing
    [InlineData("contribute --model 1 --file f --kind poetry --mnemonic-env M")]         // kind not in the list
    [InlineData("contribute --model 0 --file f --kind data --mnemonic-env M")]           // model ids start at 1
    [InlineData("contribute --model 1 --file f --kind data --bond 0.0000000001 --mnemonic-env M")] // not whole gwei
    [InlineData("contribute --model 1 --file f --kind data")]                            // no signer
    [InlineData("contribute --model 1 --file f --kind data --mnemonic-env M --keystore k")] // two signers
    [InlineData("contribute --model 1 --file f --kind data --gasless --commit-reveal --mnemonic-env M")]
    [InlineData("contribute --model 1 --file f --kind data --private-key 0xabc --mnemonic-env M")] // keys are never arguments
    [InlineData("flag --model 1 --content-hash 0x12 --reason r --mnemonic-env M")]
    [InlineData("claim --model 1 --mnemonic-env M")]                                     // neither --epoch nor --all
    [InlineData("claim --model 1 --epoch 1 --all --mnemonic-env M")]
    [InlineData("bond withdraw --model 1 --mnemonic-env M")]
    [InlineData("validator add --model 1 --address nope --mnemonic-env M")]
    [InlineData("revenue deposit --model 1 --amount 0 --mnemonic-env M")]
    [InlineData("model create --metadata-uri u --owner-bps 9000 --pool-bps 2000 --mnemonic-env M")]
    [InlineData("status --rpc ftp://x")]
    [InlineData("wallet")]
    [InlineData("frobnicate")]
    [InlineData("index")]
    [InlineData("node run --relay-keystore k")]
    [InlineData("evaluation commit --model 1 --epoch 1 --mnemonic-env M")]                // --file missing
    [InlineData("evaluation commit --model 1 --epoch 0 --file t.csv --mnemonic-env M")]  // epochs start at 1
    [InlineData("evaluation commit --model 1 --file t.csv --mnemonic-env M")]             // --epoch missing
    public async Task Bad_usage_exits_2_with_an_error_line(string commandLine)
    {
        var run = await CliRunner.RunAsync(commandLine.Split(' '));
        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.StartsWith("error: ", run.Err);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task Help_exits_0_and_lists_the_verbs()
    {
        var run = await CliRunner.RunAsync(["--help"]);
        Assert.Equal(0, run.ExitCode);
        foreach (var verb in new[] { "wallet", "contribute", "claim", "model", "validator", "flag", "slash", "epoch", "node", "index", "status" })
            Assert.Contains(verb, run.Out);
    }

    [Fact]
    public async Task Every_option_of_every_verb_has_help_text()
    {
        var missing = new List<string>();
        void Walk(System.CommandLine.Command command, string path)
        {
            foreach (var option in command.Options)
                if (string.IsNullOrWhiteSpace(option.Description)) missing.Add($"{path} {option.Name}");
            foreach (var sub in command.Subcommands) Walk(sub, $"{path} {sub.Name}");
        }
        Walk(CliApp.Build(), "openledger");
        Assert.Empty(missing);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_missing_deployment_file_fails_before_contacting_anything()
    {
        var run = await CliRunner.RunAsync(["status", "--deployment", "/nonexistent/deployment.json"]);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal("error: deployment file /nonexistent/deployment.json not found: deploy with scripts/deploy.js or pass --deployment FILE", run.Err.Trim());
    }
}

using System.CommandLine;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Cli.Tests.Support;

namespace OpenLedger.Cli.Tests;

/// <summary>
/// Every option of every verb, read from the CLI's own command tree (so a new option is covered without editing this
/// file), fed values it cannot take: each run ends in one error line on stderr, exit 1 or 2, never a stack trace or a
/// CLR type name. Nothing is running: the deployment file does not exist, so a verb that gets past parsing stops there.
/// </summary>
public sealed class OptionGarbageTests
{
    private const string MissingDeployment = "/nonexistent/openledger-garbage-test.json";

    private static readonly string[] Garbage = ["abc", "-1", "2147483648", "99999999999999999999", "1.5", "", "0x", "１２"];

    /// <summary>
    /// Value types that take "abc" (text and paths) or leave it unconsumed (a flag: "abc" is then an unrecognized
    /// argument); an option of any other type must refuse it with a message that names the option.
    /// </summary>
    private static readonly Type[] FreeText = [typeof(string), typeof(string[]), typeof(FileInfo), typeof(DirectoryInfo), typeof(bool), typeof(bool?)];

    public static TheoryData<string, string> VerbOptions()
    {
        var data = new TheoryData<string, string>();
        var root = CliApp.Build();
        var recursive = root.Options.Where(o => o.Recursive && o is not System.CommandLine.Help.HelpOption && o is not VersionOption).ToList();
        void Walk(Command command, string path)
        {
            if (command is VerbCommand)
                foreach (var option in command.Options.Concat(recursive)) data.Add(path, option.Name);
            foreach (var sub in command.Subcommands) Walk(sub, $"{path} {sub.Name}".Trim());
        }
        Walk(root, "");
        return data;
    }

    [Fact]
    public void The_command_tree_yields_every_verb_and_option()
    {
        var rows = VerbOptions().Select(row => ((string)row[0], (string)row[1])).ToList();
        Assert.Contains(("wallet address", "--index"), rows);
        Assert.Contains(("model create", "--owner-bps"), rows);
        Assert.Contains(("report knn", "--k"), rows);
        Assert.Contains(("status", "--rpc"), rows);
        Assert.True(rows.Count > 150, $"only {rows.Count} verb options found");
    }

    [Theory]
    [MemberData(nameof(VerbOptions))]
    public async Task Garbage_in_any_option_is_one_error_line_and_exit_1_or_2(string verb, string optionName)
    {
        foreach (var value in Garbage)
        {
            var args = Arguments(verb, optionName, value);
            var run = await CliRunner.RunAsync(args);
            var lines = run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(run.ExitCode is ExitCodes.Failure or ExitCodes.Usage, $"openledger {string.Join(' ', args)}\n{run}");
            Assert.True(lines.Length > 0 && lines[0].StartsWith("error: ", StringComparison.Ordinal), run.ToString());
            Assert.All(lines, line => Assert.Matches("^(error|usage|hint): ", line));
            Assert.DoesNotContain(CliApp.InternalErrorPrefix, run.Err);
            Assert.DoesNotContain("System.", run.Err);
            Assert.DoesNotContain("`1", run.Err);
            Assert.Equal("", run.Out);
        }
    }

    /// <summary>
    /// A command-level check (e.g. "give either --epoch E or --all") hides the options' own errors in System.CommandLine, so
    /// the option's parser is asked directly: "abc" in any option that is not free text is refused naming the option.
    /// </summary>
    [Theory]
    [MemberData(nameof(VerbOptions))]
    public void Letters_in_a_typed_option_are_refused_by_its_own_parser_naming_it(string verb, string optionName)
    {
        var root = CliApp.Build();
        var option = FindOption(root, verb, optionName);
        if (FreeText.Contains(option.ValueType)) return;
        var parse = root.Parse(Arguments(verb, optionName, "abc"));
        var read = typeof(System.CommandLine.Parsing.OptionResult).GetMethod(nameof(System.CommandLine.Parsing.OptionResult.GetValueOrDefault))!
            .MakeGenericMethod(option.ValueType);
        var error = Assert.Throws<System.Reflection.TargetInvocationException>(() => read.Invoke(parse.GetResult(option), null)).InnerException!;
        Assert.StartsWith($"{optionName} expects ", error.Message);
        Assert.Contains("'abc'", error.Message);
    }

    /// <summary>The verb, the option and its value, a signer when the verb takes one (so the option's own error is the one shown) and a deployment file that does not exist.</summary>
    private static string[] Arguments(string verb, string optionName, string value)
    {
        var root = CliApp.Build();
        var command = FindCommand(root, verb);
        var signer = command.Options.Any(o => o.Name == "--mnemonic-env") && optionName is not ("--mnemonic-env" or "--keystore")
            ? new[] { "--mnemonic-env", "M" } : [];
        var deployment = optionName == "--deployment" ? Array.Empty<string>() : ["--deployment", MissingDeployment];
        return [.. verb.Split(' '), optionName, value, .. signer, .. deployment];
    }

    [Theory]
    [InlineData("wallet address --mnemonic-env M --index abc", "error: --index expects a whole number from 0 to 2147483647 but got 'abc'")]
    [InlineData("wallet address --mnemonic-env M --index 2147483648", "error: --index expects a whole number from 0 to 2147483647 but got '2147483648'")]
    [InlineData("wallet address --mnemonic-env M --index -1", "error: --index expects a whole number from 0 to 2147483647 but got '-1'")]
    [InlineData("contributions list --model 1 --limit abc", "error: --limit expects a whole number from 1 to 500 but got 'abc'")]
    [InlineData("contributions list --model 1 --limit 501", "error: --limit expects a whole number from 1 to 500 but got '501'")]
    [InlineData("model create --metadata-uri u --owner-bps abc --mnemonic-env M", "error: --owner-bps expects a whole number from 0 to 10000 but got 'abc'")]
    [InlineData("model create --metadata-uri u --owner-bps 99999 --mnemonic-env M", "error: --owner-bps expects a whole number from 0 to 10000 but got '99999'")]
    [InlineData("model create --metadata-uri u --bond-lock abc --mnemonic-env M", "error: --bond-lock expects a whole number from 0 to 4294967295 but got 'abc'")]
    [InlineData("model policy --model 1 --commit-reveal maybe --mnemonic-env M", "error: Unrecognized command or argument 'maybe'.")]
    [InlineData("report knn --model 1 --epoch 1 --test t --data d --shares 1 --out o --k abc", "error: --k expects a whole number from 1 to 2147483647 but got 'abc'")]
    [InlineData("report knn --model 1 --epoch 1 --test t --data d --shares 1 --out o --k 0", "error: --k expects a whole number from 1 to 2147483647 but got '0'")]
    [InlineData("report logreg --model 1 --epoch 1 --test t --data d --shares 1 --out o --budget 0", "error: --budget expects a whole number from 1 to 2147483647 but got '0'")]
    [InlineData("report fasttree --model 1 --epoch 1 --test t --data d --shares 1 --out o --method knn-shapley", "error: --method expects one of tmc-shapley, banzhaf, loo, exact-shapley but got 'knn-shapley'")]
    [InlineData("report logreg --model 1 --epoch 1 --test t --data d --shares 1 --out o --tolerance -1", "error: --tolerance expects a finite number ≥ 0 like 0.01 but got '-1'")]
    [InlineData("wallet new --keystore k --words 13", "error: --words expects 12 or 24 but got '13'")]
    [InlineData("revenue deposit --model 1 --amount abc --mnemonic-env M", "error: --amount expects an OPEN amount like 10 or 2.5 (at most 18 decimals) but got 'abc'")]
    public async Task A_malformed_number_names_the_option_and_the_range_and_exits_2(string commandLine, string expected)
    {
        var run = await CliRunner.RunAsync(commandLine.Split(' '));
        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Equal(expected, run.Err.Split('\n')[0]);
    }

    private static Command FindCommand(Command root, string verb)
    {
        var command = root;
        foreach (var part in verb.Split(' ')) command = command.Subcommands.Single(c => c.Name == part);
        return command;
    }

    private static Option FindOption(Command root, string verb, string name) => FindCommand(root, verb).Options.Concat(root.Options).First(o => o.Name == name);
}

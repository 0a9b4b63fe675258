using System.CommandLine;
using OpenLedger.Cli.Commands.Contributor;
using OpenLedger.Cli.Commands.Operator;
using OpenLedger.Cli.Commands.Owner;
using OpenLedger.Cli.Commands.Wallet;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Abi;

namespace OpenLedger.Cli;

/// <summary>The openledger command tree and the one place errors become messages and exit codes.</summary>
public static class CliApp
{
    public static RootCommand Build()
    {
        var root = new RootCommand("openledger: contributions, rewards and model shares on OpenLedger");
        foreach (var option in GlobalOptions.All) root.Options.Add(option);

        root.Subcommands.Add(Group("wallet", "create, import and show wallets", new WalletNewCommand(), new WalletImportCommand(), new WalletAddressCommand()));
        root.Subcommands.Add(new ContributeCommand());
        root.Subcommands.Add(Group("contributions", "contributions indexed by the node", new ContributionsListCommand()));
        root.Subcommands.Add(new ClaimCommand());
        root.Subcommands.Add(Group("revenue", "model revenue: deposits and holders' withdrawals", new RevenueDepositCommand(), new RevenueWithdrawCommand()));
        root.Subcommands.Add(Group("bond", "contribution bonds", new BondWithdrawCommand()));
        root.Subcommands.Add(Group("model", "models and their policies", new ModelCreateCommand(), new ModelPolicyCommand()));
        root.Subcommands.Add(Group("validator", "validators who may flag a model's contributions", new ValidatorCommand(true), new ValidatorCommand(false)));
        root.Subcommands.Add(new FlagCommand());
        root.Subcommands.Add(new SlashCommand());
        root.Subcommands.Add(Group("evaluation", "evaluation sets sealed on chain before an epoch's report reveals them", new EvaluationCommitCommand()));
        root.Subcommands.Add(Group("report", "performance reports for reward epochs", new ReportKnnCommand()));
        root.Subcommands.Add(Group("epoch", "reward epochs", new EpochVetoCommand(), new EpochSubmitCommand(), new EpochVerifyCommand()));
        root.Subcommands.Add(Group("node", "the OpenLedger node", new NodeRunCommand()));
        root.Subcommands.Add(new IndexCommand());
        root.Subcommands.Add(new StatusCommand());
        return root;
    }

    private static Command Group(string name, string description, params VerbCommand[] verbs)
    {
        var group = new Command(name, description);
        foreach (var verb in verbs) group.Subcommands.Add(verb);
        return group;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken ct = default)
    {
        var root = Build();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line per problem, then where help is: nothing has been sent.
            foreach (var error in parse.Errors.Select(e => e.Message).Distinct()) await console.Error.WriteLineAsync($"error: {error}");
            await console.Error.WriteLineAsync($"usage: see openledger {string.Join(' ', CommandPath(parse))} --help");
            return ExitCodes.Usage;
        }
        // A verb's own --help (or another option action) is System.CommandLine's to run, not the verb's.
        if (parse.CommandResult.Command is not VerbCommand verb || parse.Action is not null)
            return await parse.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error }, ct);

        var context = new CliContext(console, parse);
        try
        {
            return await verb.ExecuteAsync(context, ct);
        }
        catch (CliException e)
        {
            await Fail(console, e.Message, e.Hint);
            return e.ExitCode;
        }
        catch (ContractRevertException e)
        {
            await Fail(console, e.Message, RevertHints.For(e));
            return ExitCodes.Failure;
        }
        catch (EthereumException e)
        {
            await Fail(console, e.Message, null);
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await Fail(console, "cancelled", null);
            return ExitCodes.Failure;
        }
    }

    private static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var r = parse.CommandResult; r?.Parent is System.CommandLine.Parsing.CommandResult parent; r = parent) names.Insert(0, r.Command.Name);
        return names;
    }

    private static async Task Fail(CliConsole console, string message, string? hint)
    {
        await console.Error.WriteLineAsync($"error: {message}");
        if (hint is not null) await console.Error.WriteLineAsync($"hint: {hint}");
    }
}

using System.CommandLine;
using OpenLedger.Cli.Commands.Arena;
using OpenLedger.Cli.Commands.Contributor;
using OpenLedger.Cli.Commands.Dev;
using OpenLedger.Cli.Commands.Operator;
using OpenLedger.Cli.Commands.Owner;
using OpenLedger.Cli.Commands.Token;
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
        root.Subcommands.Add(Group("token", "OPEN balances and transfers", new TokenBalanceCommand(), new TokenTransferCommand()));
        root.Subcommands.Add(Group("revenue", "model revenue: deposits and holders' withdrawals", new RevenueDepositCommand(), new RevenueWithdrawCommand()));
        root.Subcommands.Add(Group("bond", "contribution bonds", new BondWithdrawCommand()));
        root.Subcommands.Add(Group("model", "models and their policies", new ModelCreateCommand(), new ModelPolicyCommand()));
        root.Subcommands.Add(Group("validator", "validators who may flag a model's contributions", new ValidatorCommand(true), new ValidatorCommand(false)));
        root.Subcommands.Add(new FlagCommand());
        root.Subcommands.Add(new SlashCommand());
        root.Subcommands.Add(Group("evaluation", "evaluation sets sealed on chain before an epoch's report reveals them", new EvaluationCommitCommand()));
        root.Subcommands.Add(Group("report", "performance reports for reward epochs", new ReportKnnCommand(),
            new ReportModelCommand("logreg", "write an epoch's performance report from multiclass logistic regression (ML.NET L-BFGS), valued by retraining it on coalitions"),
            new ReportModelCommand("fasttree", "write an epoch's performance report from a FastTree ensemble (ML.NET, one-versus-all), valued by retraining it on coalitions")));
        root.Subcommands.Add(Group("epoch", "reward epochs", new EpochVetoCommand(), new EpochSubmitCommand(), new EpochVerifyCommand()));
        root.Subcommands.Add(Group("node", "the OpenLedger node", new NodeRunCommand()));
        root.Subcommands.Add(Group("dev", "local development chain helpers (Hardhat, chain id 31337, only)", new DevFundCommand()));
        root.Subcommands.Add(new IndexCommand());
        root.Subcommands.Add(new StatusCommand());
        root.Subcommands.Add(new ArenaCommand());
        return root;
    }

    private static Command Group(string name, string description, params VerbCommand[] verbs)
    {
        var group = new Command(name, description);
        foreach (var verb in verbs) group.Subcommands.Add(verb);
        return group;
    }

    /// <summary>Printed before the exception's own message when a bug (not a refusal) reaches the top.</summary>
    public const string InternalErrorPrefix = "internal error";

    /// <summary>Set to 1 to print the stack trace of an internal error too.</summary>
    public const string DebugVariable = "OPENLEDGER_DEBUG";

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken ct = default)
    {
        try
        {
            return await RunCheckedAsync(args, console, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Every refusal above is a CliException or an Ethereum error with its own message; reaching here is a bug.
            // It is still one line and exit 1 (a stack trace helps nobody at the terminal), the trace on request.
            await Fail(console, $"{InternalErrorPrefix}: {e.Message.ReplaceLineEndings(" ")} ({e.GetType().Name}; rerun with {DebugVariable}=1 for details)", null);
            if (console.Environment(DebugVariable) == "1") await console.Error.WriteLineAsync(e.ToString());
            return ExitCodes.Failure;
        }
    }

    private static async Task<int> RunCheckedAsync(string[] args, CliConsole console, CancellationToken ct)
    {
        var root = Build();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line per problem, then where help is: nothing has been sent.
            foreach (var error in parse.Errors.Select(Describe).Distinct()) await console.Error.WriteLineAsync($"error: {error}");
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
        catch (EthereumException e) when (Funding.IsTooLittleEth(e) && context.SigningSession is { } session)
        {
            // The node's own words ("Sender doesn't have enough funds to send tx…") say what, not what to do.
            await Fail(console, $"{session.Sender} has too little ETH to pay for this transaction's gas; {Funding.EthHint(session.Deployment.ChainId, session.Sender)}", null);
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

    /// <summary>
    /// A parse error as the user should read it. Options with their own parser say what they expect; for any other typed
    /// option System.CommandLine names the CLR type ("as expected type 'System.IO.FileInfo'"), which is replaced here by
    /// the option's name and what it takes, so an option added later without a parser still gets a plain message.
    /// </summary>
    private static string Describe(System.CommandLine.Parsing.ParseError error)
    {
        // A list of allowed values comes on several tab-indented lines; an error is one line.
        var message = string.Join(' ', error.Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        if (!message.Contains("as expected type", StringComparison.Ordinal)) return message;
        var (name, valueType, tokens) = error.SymbolResult switch
        {
            System.CommandLine.Parsing.OptionResult o => (o.Option.Name, o.Option.ValueType, o.Tokens),
            System.CommandLine.Parsing.ArgumentResult { Parent: System.CommandLine.Parsing.OptionResult o } a => (o.Option.Name, o.Option.ValueType, a.Tokens),
            System.CommandLine.Parsing.ArgumentResult a => (a.Argument.Name, a.Argument.ValueType, a.Tokens),
            _ => (null, typeof(object), null),
        };
        if (name is null || tokens is null) return message;
        var type = Nullable.GetUnderlyingType(valueType) ?? valueType;
        var expected = type == typeof(FileInfo) ? "a file path"
            : type == typeof(DirectoryInfo) ? "a folder path"
            : type == typeof(bool) ? "true or false"
            : type.IsPrimitive || type == typeof(decimal) ? "a number"
            : "a value of another form";
        return $"{name} expects {expected} but got '{string.Join(' ', tokens.Select(t => t.Value))}'";
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

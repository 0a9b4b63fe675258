using OpenLedger.Cli;

namespace OpenLedger.Demo;

/// <summary>
/// Runs the openledger command in this process (the same entry point as the executable), as the narrator shows it:
/// the command line without the connection options every command shares, then its answer. Secrets reach the
/// command only through <see cref="Environment"/>, the way a user's shell passes them.
/// </summary>
public sealed class OpenLedgerCommand(DemoSettings settings, Narrator narrator)
{
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    /// <summary>Variables the commands can read (mnemonics, passwords, the API token), never printed.</summary>
    public IDictionary<string, string> Environment => _environment;

    /// <summary>Runs a command that must succeed; a failure stops the scenario with the command's error.</summary>
    public async Task<CliRun> RunAsync(params string[] args)
    {
        var run = await RunRawAsync(args);
        if (run.ExitCode != 0)
            throw new DemoFailure($"`openledger {string.Join(' ', args)}` failed with exit code {run.ExitCode}: {run.Error.Trim()}");
        return run;
    }

    /// <summary>Runs a command the scenario expects to be refused; it is a failure of the demo if it is not.</summary>
    public async Task<CliRun> RunRefusedAsync(params string[] args)
    {
        var run = await RunRawAsync(args);
        if (run.ExitCode == 0)
            throw new DemoFailure($"`openledger {string.Join(' ', args)}` was expected to be refused but succeeded: {run.Output.Trim()}");
        return run;
    }

    private async Task<CliRun> RunRawAsync(string[] args)
    {
        narrator.Command("openledger " + string.Join(' ', args.Select(Quote)));
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(output, error, new StringReader(""), name => _environment.TryGetValue(name, out var v) ? v : null);
        string[] full = [.. args, "--rpc", settings.RpcUrl.ToString(), "--deployment", settings.DeploymentFile, "--node", settings.NodeUrl.ToString()];
        var exit = await CliApp.RunAsync(full, console);
        // Every value handed to the commands is a secret (mnemonics, passwords, the API token): none may be printed.
        var printed = output.ToString() + error.ToString();
        if (_environment.Values.Any(secret => printed.Contains(secret, StringComparison.OrdinalIgnoreCase)))
            throw new DemoFailure($"`openledger {args[0]}` printed a secret it was given through the environment; its output is withheld");
        narrator.Answer(output.ToString());
        narrator.Answer(error.ToString());
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    private static string Quote(string arg) => arg.Length > 0 && arg.All(c => !char.IsWhiteSpace(c) && c != '"' && c != '\'') ? arg : $"\"{arg}\"";
}

using System.CommandLine;

namespace OpenLedger.Cli.Infrastructure;

/// <summary>One verb: its options (with help text and validation) are declared by the subclass, the work in <see cref="ExecuteAsync"/>.</summary>
public abstract class VerbCommand(string name, string description) : Command(name, description)
{
    public abstract Task<int> ExecuteAsync(CliContext context, CancellationToken ct);
}

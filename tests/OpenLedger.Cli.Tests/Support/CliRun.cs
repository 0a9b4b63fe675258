namespace OpenLedger.Cli.Tests.Support;

/// <summary>What one in-process run of the real entry point printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Out, string Err)
{
    public string All => Out + Err;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}

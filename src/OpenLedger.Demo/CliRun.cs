namespace OpenLedger.Demo;

/// <summary>One openledger command's exit code and what it printed.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error);

namespace OpenLedger.Cli;

/// <summary>A refusal with a one-line message for stderr and the exit code it maps to.</summary>
public sealed class CliException(string message, int exitCode = ExitCodes.Failure, string? hint = null) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public string? Hint { get; } = hint;

    public static CliException Usage(string message) => new(message, ExitCodes.Usage);
}

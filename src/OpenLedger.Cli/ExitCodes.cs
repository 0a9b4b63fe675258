namespace OpenLedger.Cli;

/// <summary>What scripts can rely on; documented in docs/cli.md.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command ran and failed: a refusal before sending, a revert, an unreachable node, a wrong password.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong: unknown verb, missing or malformed option. Nothing was done.</summary>
    public const int Usage = 2;
}

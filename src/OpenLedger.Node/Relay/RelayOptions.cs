namespace OpenLedger.Node.Relay;

/// <summary>
/// Section "Relay": the relayer's keystore, the per-contributor rate limit and what the relayer agrees to pay for. The
/// relay is off without a keystore. Every limit is checked before any gas is spent; <see cref="RelayOptionsValidator"/>
/// refuses a limit that is zero or negative at start.
/// </summary>
public sealed class RelayOptions
{
    public const string SectionName = "Relay";

    /// <summary>Keystore (v3 JSON) of the account that sends registerBySig and pays its gas.</summary>
    public string KeystorePath { get; set; } = "";

    /// <summary>Its password; give it through the environment (OPENLEDGER_Relay__KeystorePassword), not a file.</summary>
    public string KeystorePassword { get; set; } = "";

    /// <summary>Requests with a verified signature accepted per contributor per <see cref="Window"/>.</summary>
    public int PermitLimit { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest <c>uri</c> relayed, in characters: the URI is calldata and event data, paid by the relayer per byte.</summary>
    public int MaxUriLength { get; set; } = 2048;

    /// <summary>Gas limit of one relayed transaction: a registration whose estimate is above it is refused, not sent.</summary>
    public long MaxGasPerRequest { get; set; } = 300_000;

    /// <summary>The period over which <see cref="ContributorGasBudget"/> and <see cref="ModelGasBudget"/> are counted.</summary>
    public TimeSpan BudgetPeriod { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Gas the relayer spends for one contributor per <see cref="BudgetPeriod"/> (permit and registration together).</summary>
    public long ContributorGasBudget { get; set; } = 1_000_000;

    /// <summary>Gas the relayer spends for one model per <see cref="BudgetPeriod"/>, whoever the contributors: fresh wallets share it.</summary>
    public long ModelGasBudget { get; set; } = 10_000_000;

    /// <summary>Whether registrations with a zero bond are relayed: a bond is what a fresh wallet pays to be relayed.</summary>
    public ZeroBondPolicy ZeroBond { get; set; } = ZeroBondPolicy.Refuse;
}

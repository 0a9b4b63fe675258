namespace OpenLedger.Node.Relay;

/// <summary>Section "Relay": the relayer's keystore and the per-contributor rate limit. The relay is off without a keystore.</summary>
public sealed class RelayOptions
{
    public const string SectionName = "Relay";

    /// <summary>Keystore (v3 JSON) of the account that sends registerBySig and pays its gas.</summary>
    public string KeystorePath { get; set; } = "";

    /// <summary>Its password; give it through the environment (OPENLEDGER_Relay__KeystorePassword), not a file.</summary>
    public string KeystorePassword { get; set; } = "";

    /// <summary>Registrations accepted per contributor per <see cref="Window"/>.</summary>
    public int PermitLimit { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

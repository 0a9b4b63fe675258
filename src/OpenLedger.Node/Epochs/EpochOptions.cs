namespace OpenLedger.Node.Epochs;

/// <summary>
/// Settings of the epoch submitter, bound from the configuration section <c>Epochs</c>. The RPC endpoint and the
/// deployment file are the indexer's. Without <see cref="ApiToken"/> POST /reports refuses every request; without
/// <see cref="ReporterKeystore"/> reports are checked but cannot be posted.
/// </summary>
public sealed class EpochOptions
{
    public const string SectionName = "Epochs";

    /// <summary>Where reports and distributions are stored (content-addressed files and epochs.db). Default: next to the index database.</summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>Watched folder; a complete *.json file placed there (write elsewhere or as *.tmp, then rename) is submitted.</summary>
    public string InboxPath { get; set; } = "";

    public TimeSpan InboxPollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Bearer token POST /reports requires. Never logged.</summary>
    public string ApiToken { get; set; } = "";

    /// <summary>Largest report accepted, in bytes.</summary>
    public long MaxReportBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Encrypted JSON keystore (Web3 Secret Storage) of the account holding the distributor's REPORTER_ROLE.</summary>
    public string ReporterKeystore { get; set; } = "";

    /// <summary>The keystore's password. Never logged.</summary>
    public string ReporterPassword { get; set; } = "";

    /// <summary>This node's public URL; reportURI is {PublicBaseUrl}/models/{m}/epochs/{e}/report.</summary>
    public string PublicBaseUrl { get; set; } = NodeHostingExtensions.DefaultUrl;
}

using Microsoft.Extensions.Options;
using OpenLedger.Indexer.Store;

namespace OpenLedger.Indexer;

/// <summary>
/// Checks <see cref="IndexerOptions"/>; every message names the setting as it is spelled in configuration.
/// Indexer:DatabasePath is required only with the SQLite store (Store:Provider).
/// </summary>
public sealed class IndexerOptionsValidator(IOptions<StoreOptions> store) : IValidateOptions<IndexerOptions>
{
    public ValidateOptionsResult Validate(string? name, IndexerOptions options)
    {
        var failures = Check(options, store.Value.Provider);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The failures of <paramref name="o"/>; <paramref name="provider"/> is Store:Provider, for which the database file matters only to "sqlite".</summary>
    public static List<string> Check(IndexerOptions o, string provider = StoreOptions.Sqlite)
    {
        const string s = IndexerOptions.SectionName;
        var failures = new List<string>();
        if (!Uri.TryCreate(o.RpcUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            failures.Add($"{s}:RpcUrl must be an absolute http(s) URL but is '{o.RpcUrl}'");
        if (o.ChainId == 0)
            failures.Add($"{s}:ChainId must be the chain id of the node (e.g. 31337 for Hardhat) but is 0");
        if (string.IsNullOrWhiteSpace(o.DeploymentFile))
            failures.Add($"{s}:DeploymentFile must name a deployments/<network>.json file but is empty");
        if (provider != StoreOptions.Postgres && string.IsNullOrWhiteSpace(o.DatabasePath))
            failures.Add($"{s}:DatabasePath must name the SQLite database file but is empty ({StoreOptions.SectionName}:Provider is '{provider}')");
        if (o.Confirmations < 0)
            failures.Add($"{s}:Confirmations must be 0 or more but is {o.Confirmations}");
        if (o.PollingInterval <= TimeSpan.Zero)
            failures.Add($"{s}:PollingInterval must be positive but is {o.PollingInterval}");
        if (o.InitialBlockRange < 1)
            failures.Add($"{s}:InitialBlockRange must be at least 1 but is {o.InitialBlockRange}");
        if (o.MaxBlockRange < o.InitialBlockRange)
            failures.Add($"{s}:MaxBlockRange must be at least InitialBlockRange ({o.InitialBlockRange}) but is {o.MaxBlockRange}");
        if (o.StandbyPollInterval <= TimeSpan.Zero)
            failures.Add($"{s}:StandbyPollInterval must be positive but is {o.StandbyPollInterval}");
        if (o.ReorgWindow < 1)
            failures.Add($"{s}:ReorgWindow must be at least 1 but is {o.ReorgWindow}");
        return failures;
    }
}

using Microsoft.Extensions.Options;

namespace OpenLedger.Indexer.Store;

/// <summary>Checks <see cref="StoreOptions"/>; messages name the setting and never repeat the connection string.</summary>
public sealed class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        var failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static List<string> Check(StoreOptions o)
    {
        const string s = StoreOptions.SectionName;
        var failures = new List<string>();
        if (o.Provider is not (StoreOptions.Sqlite or StoreOptions.Postgres))
            failures.Add($"{s}:Provider must be '{StoreOptions.Sqlite}' or '{StoreOptions.Postgres}' but is '{o.Provider}'");
        else if (o.Provider == StoreOptions.Postgres && string.IsNullOrWhiteSpace(o.ConnectionString))
            failures.Add($"{s}:ConnectionString must be set when {s}:Provider is '{StoreOptions.Postgres}' (environment: Store__ConnectionString)");
        return failures;
    }
}

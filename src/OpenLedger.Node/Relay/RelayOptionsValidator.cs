using Microsoft.Extensions.Options;

namespace OpenLedger.Node.Relay;

/// <summary>Checks <see cref="RelayOptions"/> at start; every message names the setting as it is spelled in configuration.</summary>
public sealed class RelayOptionsValidator : IValidateOptions<RelayOptions>
{
    public ValidateOptionsResult Validate(string? name, RelayOptions options)
    {
        var failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static List<string> Check(RelayOptions o)
    {
        const string s = RelayOptions.SectionName;
        var failures = new List<string>();
        if (!File.Exists(o.KeystorePath))
            failures.Add($"{s}:KeystorePath must name an existing keystore file but is '{o.KeystorePath}'");
        if (o.PermitLimit < 1) failures.Add($"{s}:PermitLimit must be at least 1 but is {o.PermitLimit}");
        if (o.Window <= TimeSpan.Zero) failures.Add($"{s}:Window must be positive but is {o.Window}");
        if (o.MaxUriLength < 1) failures.Add($"{s}:MaxUriLength must be at least 1 but is {o.MaxUriLength}");
        // registerBySig itself needs about 100,000 gas: a lower cap would refuse every registration.
        if (o.MaxGasPerRequest < MinimumGas)
            failures.Add($"{s}:MaxGasPerRequest must be at least {MinimumGas} (a registration needs about 100,000) but is {o.MaxGasPerRequest}");
        if (o.BudgetPeriod <= TimeSpan.Zero) failures.Add($"{s}:BudgetPeriod must be positive but is {o.BudgetPeriod}");
        if (o.ContributorGasBudget < o.MaxGasPerRequest)
            failures.Add($"{s}:ContributorGasBudget must be at least MaxGasPerRequest ({o.MaxGasPerRequest}) but is {o.ContributorGasBudget}");
        if (o.ModelGasBudget < o.ContributorGasBudget)
            failures.Add($"{s}:ModelGasBudget must be at least ContributorGasBudget ({o.ContributorGasBudget}) but is {o.ModelGasBudget}");
        if (!Enum.IsDefined(o.ZeroBond)) failures.Add($"{s}:ZeroBond must be Refuse or Relay but is {o.ZeroBond}");
        return failures;
    }

    /// <summary>The intrinsic cost of any transaction (21,000) plus a little: below it nothing at all could be sent.</summary>
    public const long MinimumGas = 50_000;
}

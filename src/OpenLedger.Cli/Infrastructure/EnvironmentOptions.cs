using System.CommandLine;

namespace OpenLedger.Cli.Infrastructure;

/// <summary>
/// Options that name an environment variable holding a secret. The name is checked to look like a variable name, so a
/// secret pasted in its place is refused as bad usage instead of being used, and it is never echoed back.
/// </summary>
public static class EnvironmentOptions
{
    public static Option<string> VariableName(string name, string description, bool required = false)
    {
        var option = new Option<string>(name) { Description = description, Required = required };
        option.Validators.Add(r =>
        {
            if (!IsVariableName(r.GetValueOrDefault<string>()))
                r.AddError($"{name} expects the name of an environment variable (letters, digits, _), not the secret itself");
        });
        return option;
    }

    public static bool IsVariableName(string? text) =>
        !string.IsNullOrEmpty(text) && !char.IsAsciiDigit(text[0]) && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>
    /// The secret in the variable named by <paramref name="option"/>'s value; a one-line refusal (exit 1) when unset or
    /// empty. The message names the variable only when <paramref name="nameVariable"/>: a token is more likely than a
    /// password to be pasted in place of the name, and then it must not land in logs.
    /// </summary>
    public static string Secret(CliContext context, Option<string> option, bool nameVariable)
    {
        var variable = context.Parse.GetValue(option)!;
        var value = context.Console.Environment(variable);
        if (!string.IsNullOrEmpty(value)) return value;
        throw new CliException(nameVariable
            ? $"environment variable {variable} ({option.Name}) is not set or is empty"
            : $"the environment variable named by {option.Name} is not set or is empty");
    }
}

using System.CommandLine;
using System.CommandLine.Parsing;
using System.Numerics;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Cli.Infrastructure;

/// <summary>Option factories with the validation every verb shares: parse errors become exit code 2.</summary>
public static class Options
{
    public static Option<BigInteger> ModelId(string description = "model id (as created by model create)") => new("--model")
    {
        Description = description,
        Required = true,
        CustomParser = r => PositiveInteger(r, "--model"),
    };

    public static Option<Hash32> ContentHash(bool required = true) => new("--content-hash")
    {
        Description = "keccak-256 content hash of the contribution (0x + 64 hex digits)",
        Required = required,
        CustomParser = r => Hash(r, "--content-hash"),
    };

    public static Option<Address> AddressOption(string name, string description, bool required = true) => new(name)
    {
        Description = description,
        Required = required,
        CustomParser = r =>
        {
            var text = r.Tokens.Single().Value;
            if (Address.TryParse(text, out var address)) return address;
            r.AddError($"{name} expects a 20-byte 0x address but got '{text}'");
            return default;
        },
    };

    /// <summary>An OPEN (or, with <paramref name="unit"/>, ETH) amount in whole or decimal tokens ("10", "0.5"), at most 18 decimals, as wei.</summary>
    public static Option<BigInteger> Amount(string name, string description, bool required = true, string unit = "OPEN") => new(name)
    {
        Description = description + $" ({unit}, decimals allowed, e.g. 2.5)",
        Required = required,
        CustomParser = r =>
        {
            var text = r.Tokens.Single().Value;
            if (Amounts.TryParse(text, out var wei)) return wei;
            r.AddError($"{name} expects an {unit} amount like 10 or 2.5 (at most 18 decimals) but got '{text}'");
            return default;
        },
    };

    /// <summary>
    /// A whole number from <paramref name="min"/> to <paramref name="max"/>. Anything else (letters, a sign, a value past
    /// the type's range) is one usage error that names the option and the range: System.CommandLine's own conversion
    /// names the CLR type (System.Nullable`1[System.UInt32]) and a validator reading a failed value throws.
    /// </summary>
    public static Option<T> Integer<T>(string name, string description, T min, T max, T? defaultValue = null, bool required = false)
        where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
    {
        var option = new Option<T>(name)
        {
            Description = description,
            Required = required,
            CustomParser = r => ParseInteger(r, name, min, max) ?? default,
        };
        if (defaultValue is { } value) option.DefaultValueFactory = _ => value;
        return option;
    }

    /// <summary>As <see cref="Integer{T}"/>, null when the option is not given (a policy field that keeps its value).</summary>
    public static Option<T?> OptionalInteger<T>(string name, string description, T min, T max)
        where T : struct, IBinaryInteger<T>, IMinMaxValue<T> => new(name)
    {
        Description = description,
        CustomParser = r => ParseInteger(r, name, min, max),
    };

    private static T? ParseInteger<T>(ArgumentResult r, string name, T min, T max) where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
    {
        var text = r.Tokens.SingleOrDefault()?.Value ?? "";
        if (T.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            return n;
        r.AddError($"{name} expects a whole number from {min} to {max} but got '{text}'");
        return null;
    }

    /// <summary>
    /// The value of <paramref name="option"/> for a command validator, false when the option's own parse failed (its
    /// error is already reported; reading the value would throw).
    /// </summary>
    public static bool TryGetValue<T>(CommandResult r, Option<T> option, out T? value)
    {
        value = default;
        try
        {
            value = r.GetValue(option);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public static BigInteger PositiveInteger(ArgumentResult r, string name)
    {
        var text = r.Tokens.Single().Value;
        if (BigInteger.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0)
            return n;
        r.AddError($"{name} expects a positive integer but got '{text}'");
        return default;
    }

    public static Hash32 Hash(ArgumentResult r, string name)
    {
        var text = r.Tokens.Single().Value;
        if (Hash32.TryParse(text, out var hash)) return hash;
        r.AddError($"{name} expects 0x and 64 hex digits but got '{text}'");
        return default;
    }

    public static Uri ParseHttpUrl(ArgumentResult r, string name)
    {
        var text = r.Tokens.Single().Value;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)) return uri;
        r.AddError($"{name} expects an http(s) URL but got '{text}'");
        return null!;
    }
}

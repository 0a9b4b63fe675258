using System.Globalization;
using System.Numerics;

namespace OpenLedger.Cli.Infrastructure;

/// <summary>OPEN amounts: 18 decimals, parsed and printed exactly (no floating point).</summary>
public static class Amounts
{
    public const int Decimals = 18;
    public static readonly BigInteger OneToken = BigInteger.Pow(10, Decimals);
    public static readonly BigInteger Gwei = BigInteger.Pow(10, 9);

    public static bool TryParse(string text, out BigInteger wei)
    {
        wei = default;
        var parts = text.Split('.');
        if (parts.Length > 2 || parts[0].Length == 0 || !parts[0].All(char.IsAsciiDigit)) return false;
        var fraction = parts.Length == 2 ? parts[1] : "";
        if (parts.Length == 2 && (fraction.Length == 0 || fraction.Length > Decimals || !fraction.All(char.IsAsciiDigit))) return false;
        wei = BigInteger.Parse(parts[0], CultureInfo.InvariantCulture) * OneToken
            + (fraction.Length == 0 ? 0 : BigInteger.Parse(fraction.PadRight(Decimals, '0'), CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>"12.5 OPEN" style text without trailing zeros.</summary>
    public static string Format(BigInteger wei)
    {
        var whole = BigInteger.DivRem(BigInteger.Abs(wei), OneToken, out var rest);
        var sign = wei.Sign < 0 ? "-" : "";
        if (rest.IsZero) return $"{sign}{whole}";
        return $"{sign}{whole}.{rest.ToString(CultureInfo.InvariantCulture).PadLeft(Decimals, '0').TrimEnd('0')}";
    }
}

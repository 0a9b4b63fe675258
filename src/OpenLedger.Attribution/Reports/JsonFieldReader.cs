using System.Globalization;
using System.Numerics;
using System.Text.Json;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Attribution.Reports;

/// <summary>
/// Reads typed values out of a JSON document and records a <see cref="ReportProblem"/> (path + problem) for every
/// value that is missing or malformed, so one validation pass reports all problems instead of the first.
/// Every getter returns null when the value is unusable.
/// </summary>
public sealed class JsonFieldReader
{
    private static readonly BigInteger MaxUint256 = (BigInteger.One << 256) - 1;
    private readonly List<ReportProblem> _problems = [];

    public IReadOnlyList<ReportProblem> Problems => _problems;

    public bool HasProblems => _problems.Count > 0;

    public void Fail(string path, string problem) => _problems.Add(new ReportProblem(path, problem));

    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    public static string Index(string path, int index) => $"{path}[{index}]";

    /// <summary>The member <paramref name="name"/> of <paramref name="obj"/>; a problem when required and absent.</summary>
    public JsonElement? Member(JsonElement obj, string path, string name, bool required = true)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
            return value;
        if (required) Fail(Join(path, name), "is required but missing");
        return null;
    }

    public JsonElement? Object(JsonElement obj, string path, string name, bool required = true)
    {
        var value = Member(obj, path, name, required);
        if (value is null) return null;
        if (value.Value.ValueKind == JsonValueKind.Object) return value;
        Fail(Join(path, name), $"must be an object but is {Describe(value.Value)}");
        return null;
    }

    public JsonElement? Array(JsonElement obj, string path, string name, bool required = true)
    {
        var value = Member(obj, path, name, required);
        if (value is null) return null;
        if (value.Value.ValueKind == JsonValueKind.Array) return value;
        Fail(Join(path, name), $"must be an array but is {Describe(value.Value)}");
        return null;
    }

    public string? String(JsonElement obj, string path, string name, bool required = true)
    {
        var value = Member(obj, path, name, required);
        return value is null ? null : String(value.Value, Join(path, name));
    }

    public string? String(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s) return s;
        Fail(path, $"must be a non-empty string but is {Describe(value)}");
        return null;
    }

    /// <summary>A uint256 written as a decimal string (JSON numbers lose precision above 2^53).</summary>
    public BigInteger? Uint256(JsonElement obj, string path, string name, bool required = true)
    {
        var value = Member(obj, path, name, required);
        return value is null ? null : Uint256(value.Value, Join(path, name));
    }

    public BigInteger? Uint256(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            Fail(path, $"must be a decimal string (uint256) but is {Describe(value)}");
            return null;
        }
        var text = value.GetString()!;
        var digits = text.StartsWith('-') ? text[1..] : text;
        if (digits.Length == 0 || digits.Length > 78 || !digits.All(char.IsAsciiDigit) || (digits.Length > 1 && digits[0] == '0'))
        {
            Fail(path, $"must be a decimal integer without sign, spaces or leading zeros but is '{Truncate(text)}'");
            return null;
        }
        var number = BigInteger.Parse(digits, CultureInfo.InvariantCulture);
        if (text.StartsWith('-') && !number.IsZero) { Fail(path, $"must not be negative but is {text}"); return null; }
        if (number > MaxUint256) { Fail(path, $"must fit in uint256 but is {text}"); return null; }
        return number;
    }

    /// <summary>A non-negative JSON integer (block numbers, log indexes, epochs, K).</summary>
    public ulong? Integer(JsonElement obj, string path, string name, bool required = true)
    {
        var value = Member(obj, path, name, required);
        if (value is null) return null;
        var p = Join(path, name);
        if (value.Value.ValueKind == JsonValueKind.Number && value.Value.TryGetUInt64(out var n)) return n;
        if (value.Value.ValueKind == JsonValueKind.Number && value.Value.TryGetInt64(out var negative) && negative < 0)
            Fail(p, $"must not be negative but is {negative}");
        else
            Fail(p, $"must be a non-negative integer but is {Describe(value.Value)}");
        return null;
    }

    public double? Finite(JsonElement obj, string path, string name, bool required = true)
    {
        var value = Member(obj, path, name, required);
        return value is null ? null : Finite(value.Value, Join(path, name));
    }

    /// <summary>
    /// A finite number. "NaN" and "Infinity" strings (System.Text.Json's named literals) and numbers too large for a
    /// double are rejected by name, because a NaN utility would silently poison every value computed from it.
    /// </summary>
    public double? Finite(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (value.TryGetDouble(out var d) && double.IsFinite(d)) return d;
            Fail(path, $"{value.GetRawText()} is not a finite number");
            return null;
        }
        if (value.ValueKind == JsonValueKind.String && value.GetString() is "NaN" or "Infinity" or "-Infinity")
        {
            Fail(path, $"{value.GetString()} is not a finite number");
            return null;
        }
        Fail(path, $"must be a number but is {Describe(value)}");
        return null;
    }

    public Address? Address(JsonElement obj, string path, string name)
    {
        var text = String(obj, path, name);
        if (text is null) return null;
        try
        {
            return Ethereum.Primitives.Address.Parse(text);
        }
        catch (Ethereum.EthereumException e)
        {
            Fail(Join(path, name), e.Message);
            return null;
        }
    }

    public Hash32? Hash(JsonElement obj, string path, string name)
    {
        var text = String(obj, path, name);
        if (text is null) return null;
        if (!text.StartsWith("0x", StringComparison.Ordinal) || !Hash32.TryParse(text, out var hash))
        {
            Fail(Join(path, name), $"must be 0x followed by 64 hex digits (bytes32) but is '{Truncate(text)}'");
            return null;
        }
        return hash;
    }

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string '{Truncate(value.GetString()!)}'",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    private static string Truncate(string s) => s.Length <= 80 ? s : s[..77] + "...";
}

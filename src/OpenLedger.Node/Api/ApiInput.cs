using System.Globalization;
using System.Numerics;
using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Node.Paging;

namespace OpenLedger.Node.Api;

/// <summary>
/// Parses request parameters. Everything arrives as text so that no input can fail model binding with a bare 400:
/// each failure is recorded in <see cref="RequestErrors"/> with the parameter's name, what was expected and what came.
/// </summary>
public static class ApiInput
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    private static readonly BigInteger Uint256Max = (BigInteger.One << 256) - 1;

    /// <summary>Contribution kinds in the order of IContributionRegistry.Kind.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["data", "compute", "fine-tune", "evaluation"];

    public static readonly IReadOnlyList<string> Statuses = ["active", "flagged", "slashed", "superseded"];

    /// <summary>An address as the store keeps it (0x lower-case), or null when invalid (EIP-55 mixed case is checked).</summary>
    public static string? Address(RequestErrors errors, string name, string text)
    {
        try { return Hex.Encode(Ethereum.Primitives.Address.Parse(text).AsSpan()); }
        catch (EthereumException e)
        {
            errors.Add(name, $"{name}: {e.Message}");
            return null;
        }
    }

    /// <summary>A 0x-prefixed 32-byte hash in lower case, or null when invalid.</summary>
    public static string? Hash(RequestErrors errors, string name, string text)
    {
        if (text.Length == 66 && text.StartsWith("0x", StringComparison.Ordinal) && Hex.IsValid(text))
            return text.ToLowerInvariant();
        errors.Add(name, $"{name} must be 0x followed by 64 hex digits (a bytes32) but is '{Shorten(text)}' ({text.Length} characters)");
        return null;
    }

    /// <summary>
    /// A uint256 identifier (model id, epoch). Text that is not a decimal uint256 is an error; a valid value too large
    /// for the store's 64-bit keys cannot name anything indexed, so it parses to <see cref="UintId.Absent"/> (a 404).
    /// </summary>
    public static UintId? Uint256(RequestErrors errors, string name, string text)
    {
        if (text.Length == 0 || text.Length > 80 || !text.All(char.IsAsciiDigit))
        {
            errors.Add(name, $"{name} must be a non-negative decimal integer but is '{Shorten(text)}'");
            return null;
        }
        var value = BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        if (value > Uint256Max)
        {
            errors.Add(name, $"{name} must be at most 2^256-1 (a uint256) but is {Shorten(text)}");
            return null;
        }
        return value <= long.MaxValue ? new UintId((long)value) : UintId.Absent;
    }

    public static int Limit(RequestErrors errors, string? text)
    {
        if (text is null) return DefaultLimit;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= MaxLimit) return limit;
        errors.Add("limit", $"limit must be an integer from 1 to {MaxLimit} but is '{Shorten(text)}'");
        return DefaultLimit;
    }

    /// <summary>The keyset position in a cursor token, or null for the first page (or when the token is refused).</summary>
    public static long[]? Cursor(RequestErrors errors, string? text, string scope, int parts)
    {
        if (text is null) return null;
        var position = PageCursor.TryDecode(text, scope, parts);
        if (position is null) errors.Add("cursor", $"cursor is not a cursor this API issued for this list: '{Shorten(text)}'");
        return position;
    }

    /// <summary>A cursor of a chain position: a block number, then log positions (log index, batch index) that fit 32 bits.</summary>
    public static long[]? ChainCursor(RequestErrors errors, string? text, string scope, int parts)
    {
        var position = Cursor(errors, text, scope, parts);
        if (position is null || position.Skip(1).All(p => p <= int.MaxValue)) return position;
        errors.Add("cursor", "cursor is not a cursor this API issued for this list: its log position is out of range");
        return null;
    }

    /// <summary>A contribution kind by name (data, compute, fine-tune, evaluation) or number (0-3).</summary>
    public static int? Kind(RequestErrors errors, string? text)
    {
        if (text is null) return null;
        var byName = Kinds.ToList().IndexOf(text.ToLowerInvariant());
        if (byName >= 0) return byName;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < Kinds.Count) return n;
        errors.Add("kind", $"kind must be one of {string.Join(", ", Kinds)} or 0-{Kinds.Count - 1} but is '{Shorten(text)}'");
        return null;
    }

    public static string? Status(RequestErrors errors, string? text)
    {
        if (text is null) return null;
        var status = text.ToLowerInvariant();
        if (Statuses.Contains(status)) return status;
        errors.Add("status", $"status must be one of {string.Join(", ", Statuses)} but is '{Shorten(text)}'");
        return null;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}

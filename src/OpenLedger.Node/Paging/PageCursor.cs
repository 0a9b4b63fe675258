using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace OpenLedger.Node.Paging;

/// <summary>
/// Opaque keyset positions: base64url of "scope:n1:n2...". The scope names the list the token belongs to, so a
/// cursor from one list handed to another is refused instead of silently skipping rows.
/// </summary>
public static class PageCursor
{
    public static string Encode(string scope, params long[] position) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            scope + ":" + string.Join(':', position.Select(p => p.ToString(CultureInfo.InvariantCulture)))));

    /// <summary>The position in <paramref name="token"/>, or null when it is not a token this API issued for <paramref name="scope"/>.</summary>
    public static long[]? TryDecode(string token, string scope, int parts)
    {
        if (token.Length is 0 or > 200 || !Base64Url.IsValid(token)) return null;
        string text;
        try { text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)); }
        catch (FormatException) { return null; }
        var fields = text.Split(':');
        if (fields.Length != parts + 1 || fields[0] != scope) return null;
        var position = new long[parts];
        for (var i = 0; i < parts; i++)
        {
            if (!long.TryParse(fields[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out position[i])) return null;
            // Canonical form only: one token per position, so clients cannot craft look-alikes.
            if (position[i].ToString(CultureInfo.InvariantCulture) != fields[i + 1]) return null;
        }
        return Encode(scope, position) == token ? position : null;
    }
}

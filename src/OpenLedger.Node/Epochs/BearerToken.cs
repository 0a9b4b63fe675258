using System.Security.Cryptography;
using System.Text;

namespace OpenLedger.Node.Epochs;

/// <summary>Bearer-token check for POST /reports, compared in constant time.</summary>
public static class BearerToken
{
    public enum Verdict { Missing, Wrong, Valid }

    public static Verdict Check(string? authorizationHeader, string expected)
    {
        const string scheme = "Bearer ";
        if (string.IsNullOrEmpty(authorizationHeader) || !authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            return Verdict.Missing;
        var given = authorizationHeader[scheme.Length..].Trim();
        if (given.Length == 0) return Verdict.Missing;
        // Hashing both sides first gives equal lengths, so the comparison time says nothing about the token's length either.
        var a = SHA256.HashData(Encoding.UTF8.GetBytes(given));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(a, b) ? Verdict.Valid : Verdict.Wrong;
    }
}

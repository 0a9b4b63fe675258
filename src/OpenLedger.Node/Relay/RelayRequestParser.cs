using System.Globalization;
using System.Numerics;
using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Node.Relay;

/// <summary>Turns the JSON body into the signed message (and the permit, when there is one); returns what is wrong, or null.</summary>
public static class RelayRequestParser
{
    public static string? Parse(RelayRegisterRequest body, out RegisterMessage message, out byte[] signature, out SignedPermit? permit)
    {
        message = null!;
        permit = null;
        var problems = new List<string>();
        var modelId = Integer(body.ModelId, "modelId", problems);
        var bond = Integer(body.Bond, "bond", problems);
        var nonce = Integer(body.Nonce, "nonce", problems);
        var deadline = Integer(body.Deadline, "deadline", problems);
        if (!Hash32.TryParse(body.ContentHash, out var contentHash)) problems.Add("contentHash must be 0x and 64 hex digits");
        if (!Address.TryParse(body.Contributor, out var contributor)) problems.Add("contributor must be a 20-byte 0x address");
        if (body.Kind is not (>= 0 and <= 3)) problems.Add("kind must be 0 (data), 1 (compute), 2 (finetune) or 3 (evaluation)");
        signature = ParseSignature(body.Signature, "signature", problems);
        if (body.Permit is { } p)
        {
            var value = Integer(p.Value, "permit.value", problems);
            var permitDeadline = Integer(p.Deadline, "permit.deadline", problems);
            permit = new SignedPermit(value, permitDeadline, ParseSignature(p.Signature, "permit.signature", problems));
        }
        if (problems.Count > 0) return string.Join("; ", problems);
        message = new RegisterMessage(contributor, modelId, contentHash, (byte)body.Kind!.Value, body.Uri ?? "", bond, nonce, deadline);
        return null;
    }

    /// <summary>
    /// The 65 bytes of r || s || v. Only the form is checked here: whether the bytes are a valid signature by the
    /// contributor (v included) is the verification's question, answered with what it recovered (<see cref="RelaySignatures"/>).
    /// </summary>
    private static byte[] ParseSignature(string? text, string name, List<string> problems)
    {
        if (text is { Length: 132 } && text.StartsWith("0x", StringComparison.Ordinal) && Hex.IsValid(text)) return Hex.Decode(text);
        problems.Add($"{name} must be 65 bytes of 0x hex (r, s, v) but is {Describe(text)}");
        return [];
    }

    private static string Describe(string? text) => text is null ? "missing" : $"{text.Length} characters";

    private static readonly BigInteger Uint256Limit = BigInteger.One << 256;

    private static BigInteger Integer(string? text, string name, List<string> problems)
    {
        if (text is not null && text.Length is > 0 and <= 78 && text.All(char.IsAsciiDigit)
            && BigInteger.Parse(text, CultureInfo.InvariantCulture) is var value && value < Uint256Limit)
            return value;
        problems.Add($"{name} must be a decimal integer string from 0 to 2^256 - 1");
        return default;
    }
}

using System.Globalization;
using System.Numerics;
using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Signing;

namespace OpenLedger.Node.Relay;

/// <summary>Turns the JSON body into the signed message; returns what is wrong, or null.</summary>
public static class RelayRequestParser
{
    public static string? Parse(RelayRegisterRequest body, out RegisterMessage message, out Signature signature)
    {
        message = null!;
        signature = default;
        var problems = new List<string>();
        var modelId = Integer(body.ModelId, "modelId", problems);
        var bond = Integer(body.Bond, "bond", problems);
        var nonce = Integer(body.Nonce, "nonce", problems);
        var deadline = Integer(body.Deadline, "deadline", problems);
        if (!Hash32.TryParse(body.ContentHash, out var contentHash)) problems.Add("contentHash must be 0x and 64 hex digits");
        if (!Address.TryParse(body.Contributor, out var contributor)) problems.Add("contributor must be a 20-byte 0x address");
        if (body.Kind is not (>= 0 and <= 3)) problems.Add("kind must be 0 (data), 1 (compute), 2 (finetune) or 3 (evaluation)");
        try
        {
            signature = body.Signature is null ? throw new EthereumException("missing") : Signature.Parse(body.Signature);
        }
        catch (EthereumException)
        {
            problems.Add("signature must be 65 bytes of 0x hex (r, s, v)");
        }
        if (problems.Count > 0) return string.Join("; ", problems);
        message = new RegisterMessage(contributor, modelId, contentHash, (byte)body.Kind!.Value, body.Uri ?? "", bond, nonce, deadline);
        return null;
    }

    private static BigInteger Integer(string? text, string name, List<string> problems)
    {
        if (text is not null && text.Length is > 0 and <= 78 && text.All(char.IsAsciiDigit))
            return BigInteger.Parse(text, CultureInfo.InvariantCulture);
        problems.Add($"{name} must be a non-negative decimal integer string");
        return default;
    }
}

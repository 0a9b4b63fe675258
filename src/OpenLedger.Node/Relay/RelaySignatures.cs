using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Signing;

namespace OpenLedger.Node.Relay;

/// <summary>
/// Verifies a 65-byte r || s || v signature that parsed (so its form is right) against the signer it must recover to,
/// and says why it does not: a v that is no recovery id, an r and s from which no key recovers, or another signer.
/// </summary>
public static class RelaySignatures
{
    /// <summary>The parsed signature when <paramref name="bytes"/> over <paramref name="digest"/> recovers to <paramref name="signer"/>; otherwise null and why.</summary>
    public static Signature? Verify(Hash32 digest, byte[] bytes, Address signer, string name, out string problem)
    {
        Signature signature;
        try
        {
            signature = Signature.FromBytes(bytes);
        }
        catch (EthereumException)
        {
            problem = $"the {name} does not verify: its last byte v is {bytes[64]}, which is no recovery id (27 or 28, or 0 or 1)";
            return null;
        }
        var recovered = EcRecover.RecoverAddress(digest, signature);
        problem = recovered switch
        {
            null => $"the {name} does not verify: no public key recovers from its r and s over the signed message",
            { } other when other != signer => $"the {name} recovers to {other}, not to {signer}: it was made by another key or over other values",
            _ => "",
        };
        return problem.Length == 0 ? signature : null;
    }
}

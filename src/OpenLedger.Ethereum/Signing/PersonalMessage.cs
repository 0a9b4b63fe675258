using System.Text;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Signing;

/// <summary>
/// EIP-191 version 0x45 (personal_sign): keccak256("\x19Ethereum Signed Message:\n" + len(message) + message).
/// The prefix makes a signed message unusable as a signed transaction.
/// </summary>
public static class PersonalMessage
{
    public static Hash32 Hash(ReadOnlySpan<byte> message)
    {
        var prefix = Encoding.ASCII.GetBytes("\x19" + "Ethereum Signed Message:\n" + message.Length);
        var buffer = new byte[prefix.Length + message.Length];
        prefix.CopyTo(buffer, 0);
        message.CopyTo(buffer.AsSpan(prefix.Length));
        return Keccak.Hash(buffer);
    }

    /// <summary>Hashes the UTF-8 bytes of <paramref name="message"/> (what wallets show and sign).</summary>
    public static Hash32 Hash(string message) => Hash(Encoding.UTF8.GetBytes(message));

    public static Signature Sign(SigningKey key, ReadOnlySpan<byte> message) => key.Sign(Hash(message));

    public static Signature Sign(SigningKey key, string message) => key.Sign(Hash(message));

    /// <summary>The address that signed <paramref name="message"/>, or null for an invalid signature.</summary>
    public static Address? RecoverAddress(ReadOnlySpan<byte> message, Signature signature) =>
        EcRecover.RecoverAddress(Hash(message), signature);

    public static Address? RecoverAddress(string message, Signature signature) =>
        EcRecover.RecoverAddress(Hash(message), signature);
}

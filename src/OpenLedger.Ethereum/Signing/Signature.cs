using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Signing;

/// <summary>
/// A recoverable secp256k1 signature: r and s as 32-byte big-endian values and the parity of R's y
/// coordinate (0 or 1), which is what lets the signer's public key be recovered.
/// </summary>
public readonly record struct Signature(Hash32 R, Hash32 S, byte YParity)
{
    /// <summary>The legacy v value of a 65-byte signature and of pre-EIP-155 transactions: 27 + yParity.</summary>
    public byte V => (byte)(27 + YParity);

    /// <summary>The 65-byte form r || s || v with v = 27 or 28, as eth_sign and personal_sign return it.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[65];
        R.AsSpan().CopyTo(bytes);
        S.AsSpan().CopyTo(bytes.AsSpan(32));
        bytes[64] = V;
        return bytes;
    }

    /// <summary>0x-prefixed hex of <see cref="ToBytes"/>.</summary>
    public string ToHex() => Hex.Encode(ToBytes());

    /// <summary>Reads r || s || v; v may be 27/28 or 0/1. Range and low-s checks happen when recovering.</summary>
    public static Signature FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 65)
            throw new EthereumException($"A signature must be 65 bytes (r || s || v) but is {bytes.Length}");
        return new Signature(new Hash32(bytes[..32]), new Hash32(bytes[32..64]), ParityFromV(bytes[64]));
    }

    public static Signature Parse(string hex) => FromBytes(Hex.Decode(hex));

    /// <summary>Maps v ∈ {0, 1, 27, 28} to the y parity; anything else is not a recovery id.</summary>
    public static byte ParityFromV(ulong v) => v switch
    {
        0 or 27 => 0,
        1 or 28 => 1,
        _ => throw new EthereumException($"A signature's v must be 0, 1, 27 or 28 but is {v}"),
    };

    /// <summary>
    /// True when 0 &lt; r &lt; n and 0 &lt; s ≤ n/2. Ethereum (EIP-2) rejects the high-s twin of every signature
    /// so that a signature cannot be malleated into a second valid one.
    /// </summary>
    public bool IsCanonical
    {
        get
        {
            if (YParity > 1) return false;
            var r = Secp256k1.ToInteger(R.AsSpan());
            var s = Secp256k1.ToInteger(S.AsSpan());
            return Secp256k1.IsScalar(r) && s.SignValue > 0 && s.CompareTo(Secp256k1.HalfN) <= 0;
        }
    }

    public override string ToString() => ToHex();
}

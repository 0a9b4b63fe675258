using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;

namespace OpenLedger.Ethereum.Signing;

/// <summary>
/// The secp256k1 domain, built once. BouncyCastle's custom curve gives field arithmetic specialised for
/// p = 2^256 - 2^32 - 977 and the GLV endomorphism; the generator's comb table is precomputed here so the
/// first signature does not pay for it.
/// </summary>
internal static class Secp256k1
{
    public static readonly X9ECParameters Parameters = CustomNamedCurves.GetByName("secp256k1");
    public static readonly ECCurve Curve = Parameters.Curve;
    public static readonly ECPoint G = Parameters.G;
    public static readonly BigInteger N = Parameters.N;
    public static readonly BigInteger HalfN = N.ShiftRight(1);
    public static readonly FixedPointCombMultiplier BaseMultiplier = new();

    static Secp256k1() => FixedPointUtilities.Precompute(G);

    /// <summary>k·G with the precomputed generator table, normalised to affine coordinates.</summary>
    public static ECPoint MultiplyG(BigInteger k) => BaseMultiplier.Multiply(G, k).Normalize();

    /// <summary>An unsigned big-endian 32-byte span as a BouncyCastle integer.</summary>
    public static BigInteger ToInteger(ReadOnlySpan<byte> bytes) => new(1, bytes);

    /// <summary>Writes <paramref name="value"/> as exactly 32 big-endian bytes.</summary>
    public static void Write32(BigInteger value, Span<byte> destination)
    {
        destination[..32].Clear();
        var length = value.GetLengthofByteArrayUnsigned();
        value.ToByteArrayUnsigned(destination.Slice(32 - length, length));
    }

    /// <summary>True when 0 &lt; value &lt; n: a valid private key, r or s.</summary>
    public static bool IsScalar(BigInteger value) => value.SignValue > 0 && value.CompareTo(N) < 0;

    /// <summary>The 64-byte uncompressed public key (x || y, no 0x04 prefix) of an affine point.</summary>
    public static byte[] ToPublicKey(ECPoint point)
    {
        var key = new byte[64];
        point.AffineXCoord.EncodeTo(key.AsSpan(0, 32));
        point.AffineYCoord.EncodeTo(key.AsSpan(32, 32));
        return key;
    }
}

using OpenLedger.Ethereum.Primitives;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Utilities;

namespace OpenLedger.Ethereum.Signing;

/// <summary>
/// A secp256k1 private key with its public key and address. Signs 32-byte hashes with RFC 6979 deterministic
/// nonces and low s, so the same key and hash always give the signature ethers.js gives.
/// </summary>
public sealed class SigningKey
{
    private readonly BigInteger _d;
    private readonly byte[] _privateKey;
    private readonly Lazy<byte[]> _publicKey;
    private readonly Lazy<Address> _address;

    public SigningKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != 32)
            throw new EthereumException($"A private key must be 32 bytes but is {privateKey.Length}");
        _d = Secp256k1.ToInteger(privateKey);
        if (!Secp256k1.IsScalar(_d))
            throw new EthereumException("A private key must be in the range 1 .. n-1 of secp256k1 but is " +
                                        (_d.SignValue == 0 ? "zero" : "at least n"));
        _privateKey = privateKey.ToArray();
        _publicKey = new Lazy<byte[]>(() => Secp256k1.ToPublicKey(Secp256k1.MultiplyG(_d)));
        _address = new Lazy<Address>(() => PublicKeyToAddress(_publicKey.Value));
    }

    /// <summary>Parses a 0x-prefixed (or bare) 32-byte hex private key.</summary>
    public static SigningKey Parse(string hex) => new(Hex.Decode(hex, 32, "A private key"));

    /// <summary>The 32-byte private key.</summary>
    public ReadOnlySpan<byte> PrivateKey => _privateKey;

    /// <summary>The 64-byte uncompressed public key x || y (without the 0x04 prefix).</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey.Value;

    /// <summary>The 33-byte compressed public key (0x02/0x03 || x), as BIP-32 serialises it.</summary>
    public byte[] CompressedPublicKey
    {
        get
        {
            var compressed = new byte[33];
            compressed[0] = (byte)(2 + (_publicKey.Value[63] & 1));
            _publicKey.Value.AsSpan(0, 32).CopyTo(compressed.AsSpan(1));
            return compressed;
        }
    }

    public Address Address => _address.Value;

    /// <summary>The address of a 64-byte public key: the last 20 bytes of its Keccak-256.</summary>
    public static Address PublicKeyToAddress(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != 64)
            throw new EthereumException($"An uncompressed public key must be 64 bytes (x || y) but is {publicKey.Length}");
        Span<byte> hash = stackalloc byte[32];
        Keccak.Hash(publicKey, hash);
        return new Address(hash[12..]);
    }

    /// <summary>Signs a 32-byte hash. The nonce is RFC 6979 (HMAC-SHA256); s is normalised to the low half.</summary>
    public Signature Sign(Hash32 hash)
    {
        var digest = hash.AsSpan();
        var e = Secp256k1.ToInteger(digest);
        var kCalculator = new HMacDsaKCalculator(new Sha256Digest());
        kCalculator.Init(Secp256k1.N, _d, digest.ToArray());
        while (true)
        {
            var k = kCalculator.NextK();
            var point = Secp256k1.MultiplyG(k);
            var x = point.AffineXCoord.ToBigInteger();
            var r = x.Mod(Secp256k1.N);
            if (r.SignValue == 0) continue;
            // The constant-time safegcd inverse: k is secret, and BigInteger.ModInverse allocates ~7x more.
            var s = BigIntegers.ModOddInverse(Secp256k1.N, k).Multiply(e.Add(_d.Multiply(r))).Mod(Secp256k1.N);
            if (s.SignValue == 0) continue;
            // x ≥ n happens with probability ~2^-128 and Ethereum's v cannot express it; take the next k.
            if (!x.Equals(r)) continue;
            var parity = (byte)(point.AffineYCoord.TestBitZero() ? 1 : 0);
            if (s.CompareTo(Secp256k1.HalfN) > 0)
            {
                // s and n - s both verify; the negated s corresponds to -R, whose y has the other parity.
                s = Secp256k1.N.Subtract(s);
                parity ^= 1;
            }
            Span<byte> buffer = stackalloc byte[32];
            Secp256k1.Write32(r, buffer);
            var rHash = new Hash32(buffer);
            Secp256k1.Write32(s, buffer);
            return new Signature(rHash, new Hash32(buffer), parity);
        }
    }
}

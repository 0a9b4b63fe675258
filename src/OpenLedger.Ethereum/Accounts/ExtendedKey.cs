using System.Buffers.Binary;
using System.Security.Cryptography;
using OpenLedger.Ethereum.Signing;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Math;

namespace OpenLedger.Ethereum.Accounts;

/// <summary>A BIP-32 extended private key: a secp256k1 key, its chain code and its place in the tree.</summary>
public sealed class ExtendedKey
{
    private static readonly byte[] MasterSecret = "Bitcoin seed"u8.ToArray();
    private readonly byte[] _chainCode;

    private ExtendedKey(SigningKey key, byte[] chainCode, byte depth, uint parentFingerprint, uint childNumber)
    {
        Key = key;
        _chainCode = chainCode;
        Depth = depth;
        ParentFingerprint = parentFingerprint;
        ChildNumber = childNumber;
    }

    public SigningKey Key { get; }
    public ReadOnlySpan<byte> ChainCode => _chainCode;
    public byte Depth { get; }
    public uint ParentFingerprint { get; }
    public uint ChildNumber { get; }

    /// <summary>The first four bytes of hash160 of the compressed public key; children record it.</summary>
    public uint Fingerprint
    {
        get
        {
            var sha = SHA256.HashData(Key.CompressedPublicKey);
            var ripemd = new RipeMD160Digest();
            ripemd.BlockUpdate(sha);
            Span<byte> hash160 = stackalloc byte[20];
            ripemd.DoFinal(hash160);
            return BinaryPrimitives.ReadUInt32BigEndian(hash160);
        }
    }

    /// <summary>The master key: HMAC-SHA512("Bitcoin seed", seed) split into key and chain code.</summary>
    public static ExtendedKey FromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length is < 16 or > 64)
            throw new EthereumException($"A BIP-32 seed must be 16 to 64 bytes but is {seed.Length}");
        var i = HMACSHA512.HashData(MasterSecret, seed);
        return new ExtendedKey(new SigningKey(i.AsSpan(0, 32)), i[32..], 0, 0, 0);
    }

    public ExtendedKey Derive(string path) => Derive(KeyPath.Parse(path));

    public ExtendedKey Derive(KeyPath path)
    {
        var key = this;
        foreach (var index in path.Indices) key = key.DeriveChild(index);
        return key;
    }

    /// <summary>CKDpriv: hardened children (index ≥ 2^31) hash the private key, normal ones the public key.</summary>
    public ExtendedKey DeriveChild(uint index)
    {
        if (Depth == byte.MaxValue) throw new EthereumException("A BIP-32 key cannot be derived beyond depth 255");
        Span<byte> data = stackalloc byte[37];
        if (index >= KeyPath.HardenedBit)
        {
            data[0] = 0;
            Key.PrivateKey.CopyTo(data[1..]);
        }
        else
        {
            Key.CompressedPublicKey.CopyTo(data);
        }
        BinaryPrimitives.WriteUInt32BigEndian(data[33..], index);
        var i = HMACSHA512.HashData(_chainCode, data);
        var il = new BigInteger(1, i, 0, 32);
        var child = il.Add(new BigInteger(1, Key.PrivateKey.ToArray())).Mod(Secp256k1.N);
        // BIP-32: an invalid child (probability ~2^-127) is skipped in favour of the next index.
        if (il.CompareTo(Secp256k1.N) >= 0 || child.SignValue == 0)
            return DeriveChild(index + 1);
        Span<byte> childKey = stackalloc byte[32];
        Secp256k1.Write32(child, childKey);
        return new ExtendedKey(new SigningKey(childKey), i[32..], (byte)(Depth + 1), Fingerprint, index);
    }

    /// <summary>The "xprv..." serialisation (mainnet version bytes 0x0488ADE4).</summary>
    public string ToXprv()
    {
        Span<byte> keyData = stackalloc byte[33];
        Key.PrivateKey.CopyTo(keyData[1..]);
        return Serialize(0x0488ADE4, keyData);
    }

    /// <summary>The "xpub..." serialisation of the matching public key (0x0488B21E).</summary>
    public string ToXpub() => Serialize(0x0488B21E, Key.CompressedPublicKey);

    private string Serialize(uint version, ReadOnlySpan<byte> keyData)
    {
        Span<byte> payload = stackalloc byte[78];
        BinaryPrimitives.WriteUInt32BigEndian(payload, version);
        payload[4] = Depth;
        BinaryPrimitives.WriteUInt32BigEndian(payload[5..], ParentFingerprint);
        BinaryPrimitives.WriteUInt32BigEndian(payload[9..], ChildNumber);
        _chainCode.CopyTo(payload[13..]);
        keyData.CopyTo(payload[45..]);
        return Base58Check.Encode(payload);
    }
}

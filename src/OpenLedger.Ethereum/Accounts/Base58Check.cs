using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace OpenLedger.Ethereum.Accounts;

/// <summary>Base58Check as BIP-32 serialises extended keys: base58(payload || sha256(sha256(payload))[..4]).</summary>
internal static class Base58Check
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static string Encode(ReadOnlySpan<byte> payload)
    {
        var data = new byte[payload.Length + 4];
        payload.CopyTo(data);
        SHA256.HashData(SHA256.HashData(payload)).AsSpan(0, 4).CopyTo(data.AsSpan(payload.Length));
        var value = new BigInteger(data, isUnsigned: true, isBigEndian: true);
        var builder = new StringBuilder();
        while (value > 0)
        {
            value = BigInteger.DivRem(value, 58, out var remainder);
            builder.Insert(0, Alphabet[(int)remainder]);
        }
        foreach (var b in data)
        {
            if (b != 0) break;
            builder.Insert(0, '1');
        }
        return builder.ToString();
    }

    public static byte[] Decode(string text)
    {
        BigInteger value = 0;
        foreach (var c in text)
        {
            var digit = Alphabet.IndexOf(c);
            if (digit < 0) throw new EthereumException($"'{c}' is not a base58 character");
            value = value * 58 + digit;
        }
        var leadingZeros = text.TakeWhile(c => c == '1').Count();
        var body = value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var data = new byte[leadingZeros + body.Length];
        body.CopyTo(data, leadingZeros);
        if (data.Length < 4) throw new EthereumException("Base58Check data is shorter than its 4-byte checksum");
        var payload = data.AsSpan(0, data.Length - 4);
        if (!SHA256.HashData(SHA256.HashData(payload)).AsSpan(0, 4).SequenceEqual(data.AsSpan(data.Length - 4)))
            throw new EthereumException("Base58Check checksum mismatch");
        return payload.ToArray();
    }
}

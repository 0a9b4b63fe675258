using System.Numerics;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rlp;
using OpenLedger.Ethereum.Signing;

namespace OpenLedger.Ethereum.Transactions;

/// <summary>Raw transaction bytes back to a <see cref="SignedTransaction"/>.</summary>
internal static class TransactionDecoder
{
    public static SignedTransaction Decode(byte[] raw)
    {
        if (raw.Length == 0) throw new EthereumException("A raw transaction must not be empty");
        if (raw[0] >= 0xc0) return DecodeLegacy(raw);
        if (raw[0] == Eip1559Transaction.Type) return DecodeEip1559(raw);
        throw new EthereumException($"Unsupported transaction type 0x{raw[0]:x2}: expected legacy (an RLP list) or 0x02");
    }

    private static SignedTransaction DecodeLegacy(byte[] raw)
    {
        var f = RlpDecoder.Decode(raw).ItemsOfCount(9, "A legacy transaction");
        var v = f[6].ToBigInteger("v");
        ulong? chainId = null;
        byte parity;
        if (v == 27 || v == 28) parity = (byte)(v - 27);
        else if (v >= 35)
        {
            if ((v - 35) / 2 > ulong.MaxValue)
                throw new EthereumException($"A legacy transaction's v {v} implies a chain id above 2^64-1");
            chainId = (ulong)((v - 35) / 2);
            parity = (byte)((v - 35) % 2);
        }
        else throw new EthereumException($"A legacy transaction's v must be 27, 28 or at least 35 (EIP-155) but is {v}");
        var tx = new LegacyTransaction
        {
            Nonce = f[0].ToUInt64("nonce"),
            GasPrice = f[1].ToBigInteger("gasPrice"),
            GasLimit = f[2].ToUInt64("gasLimit"),
            To = f[3].ToAddressOrNull("to"),
            Value = f[4].ToBigInteger("value"),
            Data = f[5].Bytes.ToArray(),
            ChainId = chainId,
        };
        return new SignedTransaction(tx, ReadSignature(parity, f[7], f[8]));
    }

    private static SignedTransaction DecodeEip1559(byte[] raw)
    {
        var f = RlpDecoder.Decode(raw.AsMemory(1)).ItemsOfCount(12, "An EIP-1559 transaction");
        var yParity = f[9].ToBigInteger("yParity");
        if (yParity > 1) throw new EthereumException($"An EIP-1559 transaction's yParity must be 0 or 1 but is {yParity}");
        var tx = new Eip1559Transaction
        {
            ChainId = f[0].ToUInt64("chainId"),
            Nonce = f[1].ToUInt64("nonce"),
            MaxPriorityFeePerGas = f[2].ToBigInteger("maxPriorityFeePerGas"),
            MaxFeePerGas = f[3].ToBigInteger("maxFeePerGas"),
            GasLimit = f[4].ToUInt64("gasLimit"),
            To = f[5].ToAddressOrNull("to"),
            Value = f[6].ToBigInteger("value"),
            Data = f[7].Bytes.ToArray(),
            AccessList = f[8].Items.Select(ReadAccessListEntry).ToArray(),
        };
        return new SignedTransaction(tx, ReadSignature((byte)yParity, f[10], f[11]));
    }

    private static AccessListEntry ReadAccessListEntry(RlpItem item)
    {
        var pair = item.ItemsOfCount(2, "An access list entry");
        var address = pair[0].ToAddressOrNull("An access list address")
                      ?? throw new EthereumException("An access list address must be 20 bytes but is empty");
        var keys = pair[1].Items.Select(key =>
        {
            var bytes = key.Bytes.Span;
            return bytes.Length == 32 ? new Hash32(bytes)
                : throw new EthereumException($"An access list storage key must be 32 bytes but is {bytes.Length}");
        }).ToArray();
        return new AccessListEntry(address, keys);
    }

    private static Signature ReadSignature(byte parity, RlpItem r, RlpItem s)
    {
        var signature = new Signature(To32(r.ToBigInteger("r")), To32(s.ToBigInteger("s")), parity);
        if (!signature.IsCanonical)
            throw new EthereumException($"The transaction signature is invalid: r and s must be in 1 .. n-1 and s at most n/2 (r={signature.R}, s={signature.S})");
        return signature;
    }

    private static Hash32 To32(BigInteger value)
    {
        Span<byte> buffer = stackalloc byte[32];
        value.TryWriteBytes(buffer[(32 - value.GetByteCount(isUnsigned: true))..], out _, isUnsigned: true, isBigEndian: true);
        return new Hash32(buffer);
    }
}

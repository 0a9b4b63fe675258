using System.Numerics;
using OpenLedger.Ethereum.Rlp;
using OpenLedger.Ethereum.Signing;

namespace OpenLedger.Ethereum.Transactions;

/// <summary>An EIP-1559 (type 2) transaction: 0x02 || rlp([chainId, nonce, tip, maxFee, gas, to, value, data, accessList, ...]).</summary>
public sealed record Eip1559Transaction : UnsignedTransaction
{
    public const byte Type = 0x02;

    public ulong ChainId { get; init; }
    public BigInteger MaxPriorityFeePerGas { get; init; }
    public BigInteger MaxFeePerGas { get; init; }
    public IReadOnlyList<AccessListEntry> AccessList { get; init; } = [];

    public override byte[] EncodeForSigning() => Typed(Fields());

    public override byte[] EncodeSigned(Signature signature)
    {
        var items = Fields();
        items.AddRange(SignatureItems(signature.YParity, signature));
        return Typed(items);
    }

    private List<RlpItem> Fields()
    {
        var items = new List<RlpItem>(12)
        {
            RlpItem.Integer(ChainId), RlpItem.Integer(Nonce), RlpItem.Integer(MaxPriorityFeePerGas),
            RlpItem.Integer(MaxFeePerGas), RlpItem.Integer(GasLimit),
        };
        items.AddRange(CommonTail());
        items.Add(RlpItem.List(AccessList.Select(entry => RlpItem.List(
            RlpItem.String(entry.Address.ToArray()),
            RlpItem.List(entry.StorageKeys.Select(key => RlpItem.String(key.ToArray())).ToArray()))).ToArray()));
        return items;
    }

    private static byte[] Typed(List<RlpItem> items)
    {
        var list = RlpItem.List(items);
        var bytes = new byte[1 + RlpEncoder.EncodedLength(list)];
        bytes[0] = Type;
        RlpEncoder.Encode(list).CopyTo(bytes, 1);
        return bytes;
    }
}

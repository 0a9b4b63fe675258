using System.Numerics;
using OpenLedger.Ethereum.Rlp;
using OpenLedger.Ethereum.Signing;

namespace OpenLedger.Ethereum.Transactions;

/// <summary>
/// A pre-typed transaction. With a chain id it is signed as EIP-155 prescribes (the chain id is part of the
/// signed payload and of v), so the signature cannot be replayed on another chain.
/// </summary>
public sealed record LegacyTransaction : UnsignedTransaction
{
    public BigInteger GasPrice { get; init; }

    /// <summary>The EIP-155 chain id, or null for an unprotected (pre-EIP-155) transaction.</summary>
    public ulong? ChainId { get; init; }

    public override byte[] EncodeForSigning()
    {
        var items = new List<RlpItem>(9) { RlpItem.Integer(Nonce), RlpItem.Integer(GasPrice), RlpItem.Integer(GasLimit) };
        items.AddRange(CommonTail());
        if (ChainId is { } chainId)
            items.AddRange([RlpItem.Integer(chainId), RlpItem.Integer(0), RlpItem.Integer(0)]);
        return RlpEncoder.Encode(RlpItem.List(items));
    }

    public override byte[] EncodeSigned(Signature signature)
    {
        BigInteger v = ChainId is { } chainId ? new BigInteger(chainId) * 2 + 35 + signature.YParity : signature.V;
        var items = new List<RlpItem>(9) { RlpItem.Integer(Nonce), RlpItem.Integer(GasPrice), RlpItem.Integer(GasLimit) };
        items.AddRange(CommonTail());
        items.AddRange(SignatureItems(v, signature));
        return RlpEncoder.Encode(RlpItem.List(items));
    }
}

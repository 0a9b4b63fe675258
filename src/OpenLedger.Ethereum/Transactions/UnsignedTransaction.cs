using System.Numerics;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rlp;
using OpenLedger.Ethereum.Signing;

namespace OpenLedger.Ethereum.Transactions;

/// <summary>The fields every transaction type shares, and signing.</summary>
public abstract record UnsignedTransaction
{
    public ulong Nonce { get; init; }
    public ulong GasLimit { get; init; }

    /// <summary>The recipient; null creates a contract.</summary>
    public Address? To { get; init; }

    public BigInteger Value { get; init; }
    public byte[] Data { get; init; } = [];

    /// <summary>The bytes whose Keccak-256 is signed.</summary>
    public abstract byte[] EncodeForSigning();

    /// <summary>The raw transaction: what eth_sendRawTransaction takes.</summary>
    public abstract byte[] EncodeSigned(Signature signature);

    public Hash32 SigningHash() => Keccak.Hash(EncodeForSigning());

    public SignedTransaction Sign(SigningKey key) => new(this, key.Sign(SigningHash()));

    private protected RlpItem[] CommonTail() =>
    [
        RlpItem.String(To is { } to ? to.ToArray() : []),
        RlpItem.Integer(Value),
        RlpItem.String(Data),
    ];

    private protected static RlpItem[] SignatureItems(BigInteger v, Signature signature) =>
    [
        RlpItem.Integer(v),
        RlpItem.Integer(new BigInteger(signature.R.AsSpan(), isUnsigned: true, isBigEndian: true)),
        RlpItem.Integer(new BigInteger(signature.S.AsSpan(), isUnsigned: true, isBigEndian: true)),
    ];
}

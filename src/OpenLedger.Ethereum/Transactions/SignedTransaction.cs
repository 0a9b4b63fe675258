using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Signing;

namespace OpenLedger.Ethereum.Transactions;

/// <summary>A transaction with its signature: the raw bytes to broadcast, its hash and its sender.</summary>
public sealed class SignedTransaction
{
    private byte[]? _raw;

    public SignedTransaction(UnsignedTransaction transaction, Signature signature)
    {
        Transaction = transaction;
        Signature = signature;
    }

    public UnsignedTransaction Transaction { get; }
    public Signature Signature { get; }

    /// <summary>The raw signed encoding, as eth_sendRawTransaction takes it.</summary>
    public byte[] RawBytes => (_raw ??= Transaction.EncodeSigned(Signature)).ToArray();

    public string ToHex() => Hex.Encode(_raw ??= Transaction.EncodeSigned(Signature));

    /// <summary>The transaction hash: Keccak-256 of the raw bytes.</summary>
    public Hash32 Hash => Keccak.Hash(_raw ??= Transaction.EncodeSigned(Signature));

    /// <summary>The sender recovered from the signature, or null when the signature is invalid.</summary>
    public Address? RecoverSender() => EcRecover.RecoverAddress(Transaction.SigningHash(), Signature);

    /// <summary>Decodes a raw legacy or EIP-1559 transaction; the encoding must be canonical.</summary>
    public static SignedTransaction Decode(ReadOnlySpan<byte> raw) => TransactionDecoder.Decode(raw.ToArray());

    public static SignedTransaction Parse(string hex) => Decode(Hex.Decode(hex));
}

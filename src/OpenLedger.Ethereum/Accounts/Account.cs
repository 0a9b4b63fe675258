using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Signing;
using OpenLedger.Ethereum.Transactions;
using OpenLedger.Ethereum.TypedData;

namespace OpenLedger.Ethereum.Accounts;

/// <summary>An externally owned account held locally: a private key that signs hashes, transactions and messages.</summary>
public sealed class Account
{
    public Account(SigningKey key) => Key = key;

    public Account(ReadOnlySpan<byte> privateKey) : this(new SigningKey(privateKey)) { }

    /// <summary>An account from a 0x-prefixed (or bare) 32-byte hex private key.</summary>
    public Account(string privateKeyHex) : this(SigningKey.Parse(privateKeyHex)) { }

    public SigningKey Key { get; }

    public Address Address => Key.Address;

    /// <summary>0x-prefixed hex of the private key; handle with care.</summary>
    public string PrivateKeyHex => Hex.Encode(Key.PrivateKey);

    public Signature SignHash(Hash32 hash) => Key.Sign(hash);

    public SignedTransaction SignTransaction(UnsignedTransaction transaction) => transaction.Sign(Key);

    /// <summary>Signs the EIP-712 digest of <paramref name="data"/> (eth_signTypedData_v4).</summary>
    public Signature SignTypedData(TypedDataRequest data) => Key.Sign(data.Hash());

    /// <summary>Signs an EIP-191 personal message (personal_sign) given as UTF-8 text.</summary>
    public Signature SignPersonalMessage(string message) => PersonalMessage.Sign(Key, message);

    public Signature SignPersonalMessage(ReadOnlySpan<byte> message) => PersonalMessage.Sign(Key, message);

    /// <summary>
    /// Encrypts the key as a Web3 Secret Storage v3 file; <paramref name="options"/> defaults to the standard
    /// (slow) scrypt parameters.
    /// </summary>
    public string ToKeystore(string password, KeystoreOptions? options = null) => Keystore.Encrypt(Key.PrivateKey, password, options);

    public static Account FromKeystore(string json, string password) => Keystore.DecryptAccount(json, password);

    public override string ToString() => Address.ToString();
}

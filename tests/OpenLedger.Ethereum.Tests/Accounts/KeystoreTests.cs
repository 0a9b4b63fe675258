using System.Text.Json.Nodes;
using OpenLedger.Ethereum.Accounts;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Tests.Accounts;

public class KeystoreTests
{
    private static readonly byte[] PrivateKey = Hex.Decode("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    private static readonly KeystoreOptions Cheap = new() { ScryptN = 1 << 12 };

    [Fact]
    public void A_scrypt_keystore_round_trips()
    {
        var json = Keystore.Encrypt(PrivateKey, "correct horse", Cheap);
        Assert.Equal(PrivateKey, Keystore.Decrypt(json, "correct horse"));
        var file = JsonNode.Parse(json)!;
        Assert.Equal("f39fd6e51aad88f6f4ce6ab8827279cfffb92266", file["address"]!.GetValue<string>());
        Assert.Equal(4096, file["crypto"]!["kdfparams"]!["n"]!.GetValue<int>());
    }

    [Fact]
    public void An_account_round_trips_through_its_keystore()
    {
        var account = new Account(PrivateKey);
        Assert.Equal(account.Address, Account.FromKeystore(account.ToKeystore("pw", Cheap), "pw").Address);
    }

    [Fact]
    public void A_pbkdf2_keystore_round_trips()
    {
        var json = Keystore.Encrypt(PrivateKey, "pw", new KeystoreOptions { Kdf = "pbkdf2", Pbkdf2Iterations = 1000 });
        Assert.Equal(PrivateKey, Keystore.Decrypt(json, "pw"));
    }

    [Fact]
    public void The_defaults_are_the_standard_scrypt_parameters()
    {
        var options = new KeystoreOptions();
        Assert.Equal(("scrypt", 262144, 8, 1), (options.Kdf, options.ScryptN, options.ScryptR, options.ScryptP));
    }

    [Fact]
    public void A_wrong_password_fails_the_MAC_check()
    {
        var json = Keystore.Encrypt(PrivateKey, "right", Cheap);
        var error = Assert.Throws<EthereumException>(() => Keystore.Decrypt(json, "wrong"));
        Assert.Equal("keystore MAC mismatch: wrong password or corrupted file", error.Message);
    }

    [Fact]
    public void A_tampered_ciphertext_fails_the_MAC_check()
    {
        var file = JsonNode.Parse(Keystore.Encrypt(PrivateKey, "pw", Cheap))!;
        var ciphertext = file["crypto"]!["ciphertext"]!.GetValue<string>();
        file["crypto"]!["ciphertext"] = (ciphertext[0] == '0' ? "1" : "0") + ciphertext[1..];
        var error = Assert.Throws<EthereumException>(() => Keystore.Decrypt(file.ToJsonString(), "pw"));
        Assert.Equal(Keystore.MacMismatch, error.Message);
    }

    [Theory]
    [InlineData("crypto.mac", "missing 'crypto.mac'")]
    [InlineData("crypto.ciphertext", "missing 'crypto.ciphertext'")]
    [InlineData("crypto.kdfparams", "missing 'crypto.kdfparams'")]
    [InlineData("crypto.kdfparams.salt", "missing 'crypto.kdfparams.salt'")]
    [InlineData("crypto.cipherparams", "missing 'crypto.cipherparams'")]
    [InlineData("crypto", "missing its 'crypto' object")]
    [InlineData("version", "missing 'version'")]
    public void A_keystore_with_a_missing_field_is_rejected(string path, string message)
    {
        var file = JsonNode.Parse(Keystore.Encrypt(PrivateKey, "pw", Cheap))!.AsObject();
        var parts = path.Split('.');
        var parent = parts[..^1].Aggregate(file, (node, name) => node[name]!.AsObject());
        parent.Remove(parts[^1]);
        var error = Assert.Throws<EthereumException>(() => Keystore.Decrypt(file.ToJsonString(), "pw"));
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("cipher", "aes-128-cbc", "Unsupported keystore cipher 'aes-128-cbc'")]
    [InlineData("kdf", "argon2", "Unsupported keystore kdf 'argon2'")]
    public void An_unsupported_cipher_or_kdf_is_rejected(string field, string value, string message)
    {
        var file = JsonNode.Parse(Keystore.Encrypt(PrivateKey, "pw", Cheap))!;
        file["crypto"]![field] = value;
        var error = Assert.Throws<EthereumException>(() => Keystore.Decrypt(file.ToJsonString(), "pw"));
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"version\":4}")]
    public void Input_that_is_no_v3_keystore_is_rejected(string json)
    {
        Assert.Throws<EthereumException>(() => Keystore.Decrypt(json, "pw"));
    }

    [Fact]
    public void Writing_with_an_unsupported_kdf_is_rejected()
    {
        var error = Assert.Throws<EthereumException>(() => Keystore.Encrypt(PrivateKey, "pw", new KeystoreOptions { Kdf = "md5" }));
        Assert.Contains("expected scrypt or pbkdf2", error.Message);
    }
}

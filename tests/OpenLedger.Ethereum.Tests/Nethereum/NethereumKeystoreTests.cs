using Nethereum.KeyStore;
using Nethereum.KeyStore.Model;
using OpenLedger.Ethereum.Accounts;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Signing;

namespace OpenLedger.Ethereum.Tests.Nethereum;

/// <summary>
/// Keystores both ways with Nethereum.KeyStore. Each costs a key derivation, so scrypt uses n = 2^12 and 40 cases
/// per direction. Nethereum's default scrypt (n = 2^18, r = 1, p = 8) is not used here: our reader's bounds on
/// those parameters are another change's business; these use settings both sides accept.
/// </summary>
public class NethereumKeystoreTests
{
    private static (byte[] Key, string Password)[] Cases(int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, 40).Select(i =>
        {
            var key = new byte[32];
            random.NextBytes(key);
            // Precomposed (NFC = NFKC) non-ASCII: Nethereum hashes the UTF-8 of the password as given, we its NFKC form.
            return (key, $"pw-{i}-{random.Next()}" + (i % 5 == 0 ? "-ünïcödé" : ""));
        })];
    }

    [Fact]
    public void Forty_keystores_written_by_us_with_scrypt_and_pbkdf2_are_read_by_Nethereum()
    {
        var cases = Cases(1641);
        var service = new KeyStoreService();
        for (var i = 0; i < cases.Length; i++)
        {
            var (key, password) = cases[i];
            var json = Keystore.Encrypt(key, password, i % 2 == 0
                ? new KeystoreOptions { ScryptN = 4096 }
                : new KeystoreOptions { Kdf = "pbkdf2", Pbkdf2Iterations = 1024 });
            Assert.Equal(Hex.Encode(key), Hex.Encode(service.DecryptKeyStoreFromJson(password, json)));
            Assert.Equal(new SigningKey(key).Address, NethereumValues.Address(service.GetAddressFromKeyStore(json)));
        }
    }

    [Fact]
    public void Forty_keystores_written_by_Nethereum_with_scrypt_and_pbkdf2_are_read_by_us()
    {
        var cases = Cases(1642);
        for (var i = 0; i < cases.Length; i++)
        {
            var (key, password) = cases[i];
            var address = new SigningKey(key).Address.ToString();
            var json = (i % 4) switch
            {
                // geth's and ethers' r = 8, p = 1, and Nethereum's own r = 1, p = 8, at a test-sized n.
                0 => new KeyStoreScryptService().EncryptAndGenerateKeyStoreAsJson(password, key, address, new ScryptParams { Dklen = 32, N = 4096, R = 8, P = 1 }),
                1 => new KeyStoreScryptService().EncryptAndGenerateKeyStoreAsJson(password, key, address, new ScryptParams { Dklen = 32, N = 1024, R = 1, P = 8 }),
                _ => new KeyStorePbkdf2Service().EncryptAndGenerateKeyStoreAsJson(password, key, address, new Pbkdf2Params { Dklen = 32, Count = 1024, Prf = "hmac-sha256" }),
            };
            Assert.Equal(Hex.Encode(key), Hex.Encode(Keystore.Decrypt(json, password)));
        }
    }

    [Fact]
    public void A_keystore_written_by_Nethereum_refuses_a_wrong_password_with_our_MAC_message()
    {
        var key = new byte[32];
        new Random(1643).NextBytes(key);
        var json = new KeyStoreScryptService().EncryptAndGenerateKeyStoreAsJson("right", key, new SigningKey(key).Address.ToString(),
            new ScryptParams { Dklen = 32, N = 1024, R = 8, P = 1 });
        var ex = Assert.Throws<EthereumException>(() => Keystore.Decrypt(json, "wrong"));
        Assert.Equal(Keystore.MacMismatch, ex.Message);
    }
}

using System.Text.Json.Nodes;
using OpenLedger.Ethereum.Accounts;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.TestSupport;

namespace OpenLedger.Ethereum.Tests.Accounts;

/// <summary>
/// A keystore states its own key-derivation cost. Crafted costs are refused before any work, naming the parameters;
/// every setting real wallets write (geth standard and light, ethers, Nethereum and eth-keyfile) is read.
/// </summary>
public class KeystoreBoundsTests
{
    private static readonly byte[] PrivateKey = Hex.Decode("0x7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d");

    /// <summary>The Web3 Secret Storage definition's scrypt test vector: n = 2^18, r = 1, p = 8, password "testpassword".</summary>
    private const string SpecScryptVector = """
        {"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"83dbcc02d8ccb40e466191a123791e0e"},
        "ciphertext":"d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c","kdf":"scrypt",
        "kdfparams":{"dklen":32,"n":262144,"p":8,"r":1,"salt":"ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19"},
        "mac":"2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097"},"id":"3198bc9c-6672-5ab3-d995-4942343ae5b6","version":3}
        """;

    /// <summary>The same definition's PBKDF2 vector: c = 262144 (geth's and Nethereum's pbkdf2 setting).</summary>
    private const string SpecPbkdf2Vector = """
        {"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"6087dab2f9fdbbfaddc31a909735c1e6"},
        "ciphertext":"5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46","kdf":"pbkdf2",
        "kdfparams":{"c":262144,"dklen":32,"prf":"hmac-sha256","salt":"ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd"},
        "mac":"517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2"},"id":"3198bc9c-6672-5ab3-d995-4942343ae5b6","version":3}
        """;

    [Theory]
    [InlineData("n", 1073741824, "scrypt n=1073741824, r=1, p=8 would need 128 GiB of memory; at most 1 GiB")]
    [InlineData("n", 1048576, "scrypt n=1048576, r=1, p=8 would need n·r·p = 8388608 block mixes; at most 4194304")]
    [InlineData("p", 2147483647, "scrypt n=262144, r=1, p=2147483647 would need 256 GiB of memory")]
    [InlineData("p", 64, "scrypt n=262144, r=1, p=64 would need n·r·p = 16777216 block mixes")]
    [InlineData("r", 64, "scrypt n=262144, r=64, p=8 would need 2 GiB of memory")]
    [InlineData("r", 2147483647, "scrypt n=262144, r=2147483647, p=8 would need")]
    [InlineData("dklen", 2147483647, "dklen must be from 32 to 64 but is 2147483647")]
    [InlineData("n", 2147483648, "'crypto.kdfparams.n' must be a positive integer but is 2147483648")]
    [InlineData("n", 3, "scrypt n must be a power of two above 1 but is 3")]
    [InlineData("p", 0, "scrypt r and p must be positive but are 1 and 0")]
    public void A_crafted_scrypt_cost_is_refused_at_once_naming_the_parameters(string field, long value, string message)
    {
        var file = JsonNode.Parse(SpecScryptVector)!;
        file["crypto"]!["kdfparams"]![field] = value;
        Assert.Contains(message, RefusalWithin(TimeSpan.FromSeconds(5), file.ToJsonString()));
    }

    [Theory]
    [InlineData(2147483647, "pbkdf2 c=2147483647 is above the 2097152 iterations accepted")]
    [InlineData(2097153, "pbkdf2 c=2097153 is above the 2097152 iterations accepted")]
    [InlineData(0, "pbkdf2 c must be positive but is 0")]
    public void A_crafted_pbkdf2_count_is_refused_at_once_naming_it(long c, string message)
    {
        var file = JsonNode.Parse(SpecPbkdf2Vector)!;
        file["crypto"]!["kdfparams"]!["c"] = c;
        Assert.Contains(message, RefusalWithin(TimeSpan.FromSeconds(5), file.ToJsonString()));
    }

    [Fact]
    public void The_specification_scrypt_vector_with_Nethereums_and_eth_keyfiles_n_2_18_r_1_p_8_decrypts()
    {
        // BouncyCastle refused it (RFC 7914 wants n < 2^16 for r = 1); geth, libsodium and scrypt-js do not.
        Assert.Equal(PrivateKey, Keystore.Decrypt(SpecScryptVector, "testpassword"));
    }

    [Fact]
    public void The_specification_pbkdf2_vector_with_c_262144_decrypts()
    {
        Assert.Equal(PrivateKey, Keystore.Decrypt(SpecPbkdf2Vector, "testpassword"));
    }

    [Theory]
    [InlineData(262144)]   // geth, Nethereum
    [InlineData(1000000)]  // eth-keyfile (web3.py)
    public void Pbkdf2_keystores_with_the_counts_wallets_write_round_trip(int c)
    {
        var json = Keystore.Encrypt(PrivateKey, "pw", new KeystoreOptions { Kdf = "pbkdf2", Pbkdf2Iterations = c });
        Assert.Equal(PrivateKey, Keystore.Decrypt(json, "pw"));
    }

    [Fact]
    public void Keystores_ethers_writes_with_geths_standard_and_light_and_ethers_own_scrypt_settings_are_read()
    {
        (int N, int R, int P)[] settings = [(1 << 18, 8, 1), (1 << 12, 8, 6), (1 << 17, 8, 1)];
        var written = NodeOracle.Run("tests/OpenLedger.Ethereum.Tests/oracle/keystore.js", new JsonObject
        {
            ["write"] = new JsonArray(settings.Select(s => (JsonNode)new JsonObject
            {
                ["key"] = Hex.Encode(PrivateKey), ["password"] = "pw", ["n"] = s.N, ["r"] = s.R, ["p"] = s.P,
            }).ToArray()),
        }, TimeSpan.FromMinutes(3))["written"]!.AsArray();
        for (var i = 0; i < settings.Length; i++)
        {
            var json = written[i]!.GetValue<string>();
            Assert.Equal(settings[i].N, JsonNode.Parse(json)!["Crypto"]!["kdfparams"]!["n"]!.GetValue<int>());
            Assert.Equal(PrivateKey, Keystore.Decrypt(json, "pw"));
        }
    }

    /// <summary>
    /// scrypt with r = 1 and n above RFC 7914's 2^16 (the path libsodium now takes) against scrypt-js (ethers v5's), byte
    /// for byte; n stays below Nethereum's 2^18 because scrypt-js is slow, the spec vector above covers 2^18 itself.
    /// </summary>
    [Fact]
    public void Scrypt_with_r_1_past_the_rfc_bound_matches_scrypt_js()
    {
        (int N, int R, int P)[] settings = [(1 << 16, 1, 8), (1 << 17, 1, 2), (1 << 16, 1, 1)];
        var cases = settings.Select((c, i) =>
        {
            var salt = new byte[32];
            new Random(1700 + i).NextBytes(salt);
            return (c.N, c.R, c.P, Salt: salt, Password: $"pw-{i}-ünï");
        }).ToArray();
        var derived = NodeOracle.Run("tests/OpenLedger.Ethereum.Tests/oracle/scrypt.js", new JsonObject
        {
            ["derive"] = new JsonArray(cases.Select(c => (JsonNode)new JsonObject
            {
                ["password"] = c.Password, ["salt"] = Hex.Encode(c.Salt, false), ["n"] = c.N, ["r"] = c.R, ["p"] = c.P, ["dklen"] = 32,
            }).ToArray()),
        }, TimeSpan.FromMinutes(3))["derived"]!.AsArray();
        for (var i = 0; i < cases.Length; i++)
            Assert.Equal(derived[i]!.GetValue<string>(), Hex.Encode(KeystoreKdf.Scrypt(cases[i].Password, cases[i].Salt, cases[i].N, cases[i].R, cases[i].P, 32), false));
    }

    [Fact]
    public void A_salt_of_another_length_with_r_1_past_the_rfc_bound_is_refused_naming_the_parameters()
    {
        var file = JsonNode.Parse(SpecScryptVector)!;
        file["crypto"]!["kdfparams"]!["salt"] = "ab0c7876052600dd703518d6fc3fe898";
        var error = Assert.Throws<EthereumException>(() => Keystore.Decrypt(file.ToJsonString(), "testpassword"));
        Assert.StartsWith("The keystore's scrypt n=262144, r=1, p=8 with a 16-byte salt is not supported", error.Message);
        Assert.Contains("re-encrypt it", error.Message);
    }

    private static string RefusalWithin(TimeSpan limit, string json)
    {
        // Before the bounds these ran for minutes or forever (or threw BouncyCastle's ArgumentException): a time limit
        // turns a hang into a failure.
        var attempt = Task.Run(() => Keystore.Decrypt(json, "testpassword"));
        try
        {
            Assert.True(attempt.Wait(limit), $"no refusal within {limit.TotalSeconds} s: the key derivation ran");
        }
        catch (AggregateException e) when (e.InnerException is EthereumException refusal)
        {
            return refusal.Message;
        }
        throw new Xunit.Sdk.XunitException($"the crafted keystore was not refused with an EthereumException: {attempt.Exception?.InnerException}");
    }
}

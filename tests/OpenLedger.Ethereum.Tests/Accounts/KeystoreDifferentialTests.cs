using System.Text.Json.Nodes;
using OpenLedger.Ethereum.Accounts;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.TestSupport;

namespace OpenLedger.Ethereum.Tests.Accounts;

/// <summary>Keystores cost a scrypt each, so these use n = 2^12 and 50 cases per direction.</summary>
public class KeystoreDifferentialTests
{
    private static (byte[] Key, string Password)[] Cases(int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, 50).Select(i =>
        {
            var key = new byte[32];
            random.NextBytes(key);
            return (key, $"pw-{i}-{random.Next()}" + (i % 5 == 0 ? "-ünïcödé" : ""));
        }).ToArray();
    }

    [Fact]
    public void Fifty_keystores_written_by_ethers_with_scrypt_n_4096_are_read_by_us()
    {
        var cases = Cases(1005);
        var written = NodeOracle.Run("tests/OpenLedger.Ethereum.Tests/oracle/keystore.js", new JsonObject
        {
            ["write"] = new JsonArray(cases.Select(c => (JsonNode)new JsonObject
            {
                ["key"] = Hex.Encode(c.Key), ["password"] = c.Password, ["n"] = 4096,
            }).ToArray()),
        })["written"]!.AsArray();

        for (var i = 0; i < cases.Length; i++)
            Assert.Equal(cases[i].Key, Keystore.Decrypt(written[i]!.GetValue<string>(), cases[i].Password));
    }

    [Fact]
    public void Fifty_keystores_written_by_us_with_scrypt_and_pbkdf2_are_read_by_ethers()
    {
        var cases = Cases(1006);
        var files = cases.Select((c, i) => Keystore.Encrypt(c.Key, c.Password, i % 2 == 0
            ? new KeystoreOptions { ScryptN = 4096 }
            : new KeystoreOptions { Kdf = "pbkdf2", Pbkdf2Iterations = 1024 })).ToArray();

        var read = NodeOracle.Run("tests/OpenLedger.Ethereum.Tests/oracle/keystore.js", new JsonObject
        {
            ["read"] = new JsonArray(files.Select((json, i) => (JsonNode)new JsonObject
            {
                ["json"] = json, ["password"] = cases[i].Password,
            }).ToArray()),
        })["read"]!.AsArray();

        for (var i = 0; i < cases.Length; i++)
        {
            Assert.Equal(Hex.Encode(cases[i].Key), read[i]!["privateKey"]!.GetValue<string>());
            Assert.Equal(new Account(cases[i].Key).Address.ToString(), read[i]!["address"]!.GetValue<string>());
        }
    }
}

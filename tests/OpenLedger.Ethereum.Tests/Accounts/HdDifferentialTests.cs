using System.Text.Json.Nodes;
using OpenLedger.Ethereum.Accounts;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.TestSupport;

namespace OpenLedger.Ethereum.Tests.Accounts;

public class HdDifferentialTests
{
    [Fact]
    public void Mnemonics_seeds_and_derived_keys_of_1000_random_wallets_match_ethers()
    {
        var random = new Random(1004);
        // Passphrases include a precomposed and a decomposed "é": both must normalise (NFKD) to the same seed.
        string[] passphrases = ["", "", "TREZOR", "caf\u00e9", "cafe\u0301", "pässwörd ﬁ", "漢字"];
        var cases = Enumerable.Range(0, 1000).Select(_ =>
        {
            var entropy = new byte[4 * random.Next(4, 9)];
            random.NextBytes(entropy);
            var path = random.Next(2) == 0
                ? KeyPath.Ethereum((uint)random.Next(0, 1000)).ToString()
                : "m" + string.Concat(Enumerable.Range(0, random.Next(1, 6))
                    .Select(_ => $"/{random.Next(0, int.MaxValue)}{(random.Next(2) == 0 ? "'" : "")}"));
            return (Entropy: entropy, Passphrase: passphrases[random.Next(passphrases.Length)], Path: path);
        }).ToArray();

        var expected = NodeOracle.Run("tests/OpenLedger.Ethereum.Tests/oracle/hd.js", new JsonArray(cases.Select(c => (JsonNode)new JsonObject
        {
            ["entropy"] = Hex.Encode(c.Entropy), ["passphrase"] = c.Passphrase, ["path"] = c.Path,
        }).ToArray())).AsArray();

        for (var i = 0; i < cases.Length; i++)
        {
            var (entropy, passphrase, path) = cases[i];
            var reference = expected[i]!;
            var mnemonic = Mnemonic.FromEntropy(entropy);
            Assert.Equal(reference["phrase"]!.GetValue<string>(), mnemonic.Phrase);
            Assert.Equal(reference["seed"]!.GetValue<string>(), Hex.Encode(mnemonic.ToSeed(passphrase)));
            var account = new HdWallet(mnemonic.Phrase, passphrase).GetAccount(path);
            Assert.Equal(reference["address"]!.GetValue<string>(), account.Address.ToString());
            Assert.Equal(reference["privateKey"]!.GetValue<string>(), account.PrivateKeyHex);
            Assert.Equal(reference["xprv"]!.GetValue<string>(), ExtendedKey.FromSeed(mnemonic.ToSeed(passphrase)).Derive(path).ToXprv());
        }
    }
}

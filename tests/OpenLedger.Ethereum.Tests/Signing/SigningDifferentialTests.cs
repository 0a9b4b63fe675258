using System.Text.Json.Nodes;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Signing;
using OpenLedger.TestSupport;

namespace OpenLedger.Ethereum.Tests.Signing;

public class SigningDifferentialTests
{
    private static byte[] RandomKey(Random random)
    {
        // Random 32 bytes are below n except with probability ~2^-128; ethers would reject the same keys we do.
        var key = new byte[32];
        random.NextBytes(key);
        return key;
    }

    [Fact]
    public void Signatures_and_recoveries_of_1000_random_keys_and_hashes_match_ethers()
    {
        var random = new Random(1001);
        var cases = Enumerable.Range(0, 1000).Select(_ =>
        {
            var hash = new byte[32];
            random.NextBytes(hash);
            return (Key: new SigningKey(RandomKey(random)), Hash: new Hash32(hash));
        }).ToArray();

        var expected = NodeOracle.Run("tests/OpenLedger.Ethereum.Tests/oracle/signing.js", new JsonArray(cases
            .Select(c => (JsonNode)new JsonObject { ["key"] = Hex.Encode(c.Key.PrivateKey), ["hash"] = c.Hash.ToString() }).ToArray())).AsArray();

        for (var i = 0; i < cases.Length; i++)
        {
            var (key, hash) = cases[i];
            var reference = expected[i]!;
            var signature = key.Sign(hash);
            Assert.Equal(reference["address"]!.GetValue<string>(), key.Address.ToString());
            Assert.Equal(reference["r"]!.GetValue<string>(), signature.R.ToString());
            Assert.Equal(reference["s"]!.GetValue<string>(), signature.S.ToString());
            Assert.Equal(reference["yParity"]!.GetValue<int>(), signature.YParity);
            Assert.Equal(Address.Parse(reference["recovered"]!.GetValue<string>()), EcRecover.RecoverAddress(hash, signature));
        }
    }

    [Fact]
    public void Personal_message_signatures_of_1000_random_messages_match_ethers()
    {
        var random = new Random(1002);
        var cases = Enumerable.Range(0, 1000).Select(i =>
        {
            var key = new SigningKey(RandomKey(random));
            if (i % 2 == 0)
            {
                var bytes = new byte[random.Next(0, 200)];
                random.NextBytes(bytes);
                return (Key: key, Text: (string?)null, Bytes: bytes);
            }
            // Text with non-ASCII characters: the EIP-191 length counts UTF-8 bytes, not characters.
            const string alphabet = "abcxyz 019é€漢\n";
            var text = new string(Enumerable.Range(0, random.Next(0, 60)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            return (Key: key, Text: text, Bytes: System.Text.Encoding.UTF8.GetBytes(text));
        }).ToArray();

        var expected = NodeOracle.Run("tests/OpenLedger.Ethereum.Tests/oracle/personal.js", new JsonArray(cases.Select(c =>
            (JsonNode)(c.Text is null
                ? new JsonObject { ["key"] = Hex.Encode(c.Key.PrivateKey), ["bytes"] = Hex.Encode(c.Bytes) }
                : new JsonObject { ["key"] = Hex.Encode(c.Key.PrivateKey), ["text"] = c.Text })).ToArray())).AsArray();

        for (var i = 0; i < cases.Length; i++)
        {
            var (key, text, bytes) = cases[i];
            var hash = text is null ? PersonalMessage.Hash(bytes) : PersonalMessage.Hash(text);
            var signature = text is null ? PersonalMessage.Sign(key, bytes) : PersonalMessage.Sign(key, text);
            Assert.Equal(expected[i]!["hash"]!.GetValue<string>(), hash.ToString());
            Assert.Equal(expected[i]!["signature"]!.GetValue<string>(), signature.ToHex());
            Assert.Equal(key.Address, PersonalMessage.RecoverAddress(bytes, Signature.Parse(expected[i]!["signature"]!.GetValue<string>())));
        }
    }
}

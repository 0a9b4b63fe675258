using System.Text.Json.Nodes;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Signing;
using OpenLedger.Ethereum.Transactions;
using OpenLedger.TestSupport;

namespace OpenLedger.Ethereum.Tests.Transactions;

public class TransactionDifferentialTests
{
    [Fact]
    public void Signed_legacy_and_EIP_1559_transactions_of_1000_random_cases_match_ethers_byte_for_byte()
    {
        var random = new Random(1003);
        var cases = Enumerable.Range(0, 1000).Select(i => (Tx: RandomTransaction.Next(random, legacy: i % 2 == 0), Key: RandomTransaction.Key(random))).ToArray();

        var expected = NodeOracle.Run("tests/OpenLedger.Ethereum.Tests/oracle/transactions.js",
            new JsonArray(cases.Select(c => (JsonNode)ToSpec(c.Tx, c.Key)).ToArray())).AsArray();

        for (var i = 0; i < cases.Length; i++)
        {
            var (tx, key) = cases[i];
            var reference = expected[i]!;
            Assert.Equal(reference["unsignedHash"]!.GetValue<string>(), tx.SigningHash().ToString());
            var signed = tx.Sign(key);
            Assert.Equal(reference["raw"]!.GetValue<string>(), signed.ToHex());
            Assert.Equal(reference["hash"]!.GetValue<string>(), signed.Hash.ToString());

            var decoded = SignedTransaction.Parse(reference["raw"]!.GetValue<string>());
            Assert.Equal(Address.Parse(reference["from"]!.GetValue<string>()), decoded.RecoverSender());
            Assert.Equal(key.Address, decoded.RecoverSender());
            Assert.Equal(signed.RawBytes, decoded.RawBytes);
        }
    }

    private static JsonObject ToSpec(UnsignedTransaction tx, SigningKey key)
    {
        var spec = new JsonObject
        {
            ["key"] = Hex.Encode(key.PrivateKey), ["nonce"] = tx.Nonce.ToString(), ["gasLimit"] = tx.GasLimit.ToString(),
            ["to"] = tx.To?.ToString(), ["value"] = tx.Value.ToString(), ["data"] = Hex.Encode(tx.Data),
        };
        switch (tx)
        {
            case LegacyTransaction legacy:
                spec["type"] = 0;
                spec["chainId"] = (legacy.ChainId ?? 0).ToString();
                spec["gasPrice"] = legacy.GasPrice.ToString();
                break;
            case Eip1559Transaction typed:
                spec["type"] = 2;
                spec["chainId"] = typed.ChainId.ToString();
                spec["maxFeePerGas"] = typed.MaxFeePerGas.ToString();
                spec["maxPriorityFeePerGas"] = typed.MaxPriorityFeePerGas.ToString();
                spec["accessList"] = new JsonArray(typed.AccessList.Select(e => (JsonNode)new JsonObject
                {
                    ["address"] = e.Address.ToString(),
                    ["storageKeys"] = new JsonArray(e.StorageKeys.Select(k => (JsonNode)JsonValue.Create(k.ToString())!).ToArray()),
                }).ToArray());
                break;
        }
        return spec;
    }
}

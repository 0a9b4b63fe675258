using System.Numerics;
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
        var cases = Enumerable.Range(0, 1000).Select(i => (Tx: RandomTransaction(random, legacy: i % 2 == 0), Key: RandomKey(random))).ToArray();

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

    private static SigningKey RandomKey(Random random)
    {
        var key = new byte[32];
        random.NextBytes(key);
        return new SigningKey(key);
    }

    private static BigInteger RandomUInt(Random random, int maxBytes)
    {
        var bytes = new byte[random.Next(0, maxBytes + 1)];
        random.NextBytes(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    private static UnsignedTransaction RandomTransaction(Random random, bool legacy)
    {
        var data = new byte[random.Next(4) == 0 ? 0 : random.Next(1, 300)];
        random.NextBytes(data);
        var to = random.Next(10) == 0 ? (Address?)null : new Address(RandomBytes(random, 20));
        var nonce = (ulong)RandomUInt(random, 6);
        var gasLimit = (ulong)RandomUInt(random, 7);
        var value = RandomUInt(random, 32);
        var chainId = random.Next(3) switch { 0 => 1UL, 1 => 31337UL, _ => (ulong)RandomUInt(random, 6) + 1 };
        if (legacy)
            return new LegacyTransaction
            {
                Nonce = nonce, GasLimit = gasLimit, To = to, Value = value, Data = data, GasPrice = RandomUInt(random, 12),
                // A few unprotected (pre-EIP-155) transactions; ethers writes them for chain id 0.
                ChainId = random.Next(10) == 0 ? null : chainId,
            };
        var tip = RandomUInt(random, 10);
        return new Eip1559Transaction
        {
            Nonce = nonce, GasLimit = gasLimit, To = to, Value = value, Data = data, ChainId = chainId,
            // ethers (like the protocol) refuses a tip above the fee cap.
            MaxPriorityFeePerGas = tip, MaxFeePerGas = tip + RandomUInt(random, 12),
            AccessList = Enumerable.Range(0, random.Next(4) == 0 ? random.Next(1, 4) : 0)
                .Select(_ => new AccessListEntry(new Address(RandomBytes(random, 20)),
                    Enumerable.Range(0, random.Next(0, 3)).Select(_ => new Hash32(RandomBytes(random, 32))).ToArray()))
                .ToArray(),
        };
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
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

using System.Numerics;
using Nethereum.Model;
using Nethereum.Signer;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Tests.Transactions;
using OpenLedger.Ethereum.Transactions;
using NLegacy = Nethereum.Model.LegacyTransaction;
using OurLegacy = OpenLedger.Ethereum.Transactions.LegacyTransaction;
using SignedTransaction = OpenLedger.Ethereum.Transactions.SignedTransaction;

namespace OpenLedger.Ethereum.Tests.Nethereum;

// Nethereum as a second, independent oracle beside ethers (Transactions/TransactionDifferentialTests): each random
// transaction is built and signed by both libraries, and each side parses the other's raw bytes.
public class NethereumTransactionTests
{
    [Fact]
    public void Signed_legacy_and_EIP_1559_transactions_of_400_random_cases_match_Nethereum_byte_for_byte()
    {
        var random = new Random(1601);
        for (var i = 0; i < 400; i++)
        {
            var tx = RandomTransaction.Next(random, legacy: i % 2 == 0);
            var key = RandomTransaction.Key(random);
            var theirs = ToNethereum(tx);

            Assert.True(Hex.Encode(tx.EncodeForSigning()) == Hex.Encode(theirs.GetRLPEncodedRaw()), $"case {i}: unsigned encoding differs from Nethereum");
            var signed = tx.Sign(key);
            var theirRaw = Sign(theirs, key.PrivateKey.ToArray());
            Assert.True(theirRaw == signed.ToHex(), $"case {i}: signed transaction differs from Nethereum");
            Assert.Equal(Keccak.Hash(Hex.Decode(theirRaw)).ToString(), signed.Hash.ToString());
        }
    }

    [Fact]
    public void Nethereum_parses_our_400_random_raw_transactions_into_the_same_fields_and_sender()
    {
        var random = new Random(1602);
        for (var i = 0; i < 400; i++)
        {
            var tx = RandomTransaction.Next(random, legacy: i % 2 == 0);
            var key = RandomTransaction.Key(random);
            var raw = tx.Sign(key).RawBytes;

            var parsed = TransactionFactory.CreateTransaction(raw);
            Assert.Equal(tx is Eip1559Transaction ? TransactionType.EIP1559 : ((OurLegacy)tx).ChainId is null ? TransactionType.LegacyTransaction : TransactionType.LegacyChainTransaction,
                parsed.TransactionType);
            Assert.Equal(tx.Nonce, (ulong)parsed.GetNonce());
            Assert.Equal(tx.GasLimit, (ulong)parsed.GetGasLimit());
            Assert.Equal(tx.Value, parsed.GetValue());
            Assert.Equal(Hex.Encode(tx.Data), Hex.Encode(parsed.GetData() ?? []));
            Assert.Equal(tx.To is null, parsed.IsContractCreation());
            if (tx.To is { } to) Assert.Equal(to, NethereumValues.Address(parsed.GetReceiverAddress()));
            if (tx is Eip1559Transaction typed)
            {
                Assert.Equal(typed.ChainId, (ulong)parsed.GetChainId());
                Assert.Equal(typed.MaxFeePerGas, parsed.GetMaxFeePerGas());
                Assert.Equal(typed.MaxPriorityFeePerGas, parsed.GetMaxPriorityFeePerGas());
                Assert.Equal(AccessListText(typed.AccessList), AccessListText(((Transaction1559)parsed).AccessList));
            }
            Assert.Equal(key.Address, NethereumValues.Address(new TransactionVerificationAndRecoveryImp().GetSenderAddress(parsed)));
            Assert.Equal(Hex.Encode(raw), Hex.Encode(parsed.GetRLPEncoded()));
        }
    }

    [Fact]
    public void We_parse_400_random_raw_transactions_signed_by_Nethereum_into_the_same_transaction_and_sender()
    {
        var random = new Random(1603);
        for (var i = 0; i < 400; i++)
        {
            var tx = RandomTransaction.Next(random, legacy: i % 2 == 0);
            var key = RandomTransaction.Key(random);
            var theirRaw = Sign(ToNethereum(tx), key.PrivateKey.ToArray());

            var parsed = SignedTransaction.Parse(theirRaw);
            Assert.Equal(key.Address, parsed.RecoverSender());
            // Records compare by value except the arrays: compare the re-encoded unsigned form instead.
            Assert.Equal(Hex.Encode(tx.EncodeForSigning()), Hex.Encode(parsed.Transaction.EncodeForSigning()));
            Assert.Equal(theirRaw, parsed.ToHex());
        }
    }

    [Fact]
    public void An_EIP_2930_transaction_signed_by_Nethereum_is_refused_naming_its_type()
    {
        // We send legacy and EIP-1559 only; a type-1 transaction must be refused clearly, not misread.
        var key = RandomTransaction.Key(new Random(1604));
        var tx = new Transaction2930(31337, 1, 1_000_000_000, 21_000, "0x70997970c51812dc3a010c7d01b50e0d17dc79c8", 5, "", []);
        var raw = new TypeTransactionSigner<Transaction2930>().SignTransaction(key.PrivateKey.ToArray(), tx);

        var ex = Assert.Throws<EthereumException>(() => SignedTransaction.Parse(raw));
        Assert.Contains("Unsupported transaction type 0x01", ex.Message);
    }

    private static string AccessListText(IEnumerable<AccessListEntry> list) =>
        string.Join(";", list.Select(e => e.Address + ":" + string.Join(",", e.StorageKeys.Select(k => k.ToString()))));

    private static string AccessListText(List<AccessListItem>? list) =>
        string.Join(";", (list ?? []).Select(e => NethereumValues.Address(e.Address) + ":" + string.Join(",", e.StorageKeys.Select(k => Hex.Encode(k)))));

    /// <summary>The same transaction as Nethereum's model: hex strings for addresses and data, as its API takes them.</summary>
    private static ISignedTransaction ToNethereum(UnsignedTransaction tx)
    {
        var to = tx.To?.ToString();
        var data = Hex.Encode(tx.Data);
        return tx switch
        {
            OurLegacy { ChainId: null } legacy => new NLegacy(to, tx.Value, tx.Nonce, legacy.GasPrice, tx.GasLimit, data),
            OurLegacy legacy => new LegacyTransactionChainId(to, tx.Value, tx.Nonce, legacy.GasPrice, tx.GasLimit, data, legacy.ChainId.Value),
            Eip1559Transaction typed => new Transaction1559(typed.ChainId, tx.Nonce, typed.MaxPriorityFeePerGas, typed.MaxFeePerGas, tx.GasLimit,
                to, tx.Value, data, [.. typed.AccessList.Select(e => new AccessListItem(e.Address.ToString(), [.. e.StorageKeys.Select(k => k.ToArray())]))]),
            _ => throw new InvalidOperationException($"no Nethereum model for {tx.GetType().Name}"),
        };
    }

    private static string Sign(ISignedTransaction tx, byte[] privateKey) => "0x" + tx switch
    {
        LegacyTransactionChainId chain => new LegacyTransactionSigner().SignTransaction(privateKey, chain),
        NLegacy legacy => new LegacyTransactionSigner().SignTransaction(privateKey, legacy),
        Transaction1559 typed => new TypeTransactionSigner<Transaction1559>().SignTransaction(privateKey, typed),
        _ => throw new InvalidOperationException($"no Nethereum signer for {tx.GetType().Name}"),
    };
}

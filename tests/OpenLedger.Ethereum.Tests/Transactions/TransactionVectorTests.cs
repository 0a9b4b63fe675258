using System.Numerics;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Signing;
using OpenLedger.Ethereum.Transactions;

namespace OpenLedger.Ethereum.Tests.Transactions;

public class TransactionVectorTests
{
    private static readonly LegacyTransaction Eip155Example = new()
    {
        Nonce = 9,
        GasPrice = 20_000_000_000,
        GasLimit = 21000,
        To = Address.Parse("0x3535353535353535353535353535353535353535"),
        Value = BigInteger.Pow(10, 18),
        ChainId = 1,
    };

    private const string Eip155Raw =
        "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83";

    [Fact]
    public void The_EIP_155_example_has_the_published_signing_data_hash_and_raw_bytes()
    {
        Assert.Equal("0xec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080",
            Hex.Encode(Eip155Example.EncodeForSigning()));
        Assert.Equal(Hash32.Parse("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53"), Eip155Example.SigningHash());
        var key = SigningKey.Parse("0x4646464646464646464646464646464646464646464646464646464646464646");
        var signed = Eip155Example.Sign(key);
        Assert.Equal(Eip155Raw, signed.ToHex());
        Assert.Equal(key.Address, signed.RecoverSender());
    }

    [Fact]
    public void The_EIP_155_example_decodes_back_to_its_fields_and_sender()
    {
        var decoded = SignedTransaction.Parse(Eip155Raw);
        Assert.Equal(Eip155Example with { }, decoded.Transaction with { Data = Eip155Example.Data });
        Assert.Equal(Address.Parse("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"), decoded.RecoverSender());
        Assert.Equal(Eip155Raw, decoded.ToHex());
    }

    [Fact]
    public void An_EIP_1559_transaction_with_an_access_list_round_trips_through_its_raw_form()
    {
        var key = SigningKey.Parse("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
        var tx = new Eip1559Transaction
        {
            ChainId = 31337, Nonce = 3, MaxPriorityFeePerGas = 1_000_000_000, MaxFeePerGas = 30_000_000_000, GasLimit = 90000,
            To = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"), Value = 12345, Data = [0xde, 0xad, 0xbe, 0xef],
            AccessList = [new AccessListEntry(Address.Parse("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"), [Keccak.Hash("slot")])],
        };
        var signed = tx.Sign(key);
        var decoded = SignedTransaction.Decode(signed.RawBytes);
        var back = Assert.IsType<Eip1559Transaction>(decoded.Transaction);
        Assert.Equal(tx.AccessList[0].StorageKeys, back.AccessList[0].StorageKeys);
        Assert.Equal(signed.Hash, decoded.Hash);
        Assert.Equal(key.Address, decoded.RecoverSender());
        Assert.Equal(0x02, signed.RawBytes[0]);
    }

    [Fact]
    public void A_contract_creation_has_an_empty_to_and_decodes_with_a_null_recipient()
    {
        var key = SigningKey.Parse("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
        var signed = new Eip1559Transaction { ChainId = 1, GasLimit = 100000, Data = [0x60, 0x80] }.Sign(key);
        Assert.Null(SignedTransaction.Decode(signed.RawBytes).Transaction.To);
    }

    [Theory]
    [InlineData("0x01c0", "Unsupported transaction type 0x01")]
    [InlineData("0x", "must not be empty")]
    [InlineData("0xc0", "list of 9 items but has 0")]
    [InlineData("0x02c0", "list of 12 items but has 0")]
    public void Malformed_raw_transactions_are_rejected(string raw, string message)
    {
        var error = Assert.Throws<EthereumException>(() => SignedTransaction.Parse(raw));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_raw_transaction_with_trailing_bytes_is_rejected()
    {
        var error = Assert.Throws<EthereumException>(() => SignedTransaction.Parse(Eip155Raw + "00"));
        Assert.Contains("trailing", error.Message);
    }

    [Fact]
    public void A_raw_transaction_with_a_high_s_signature_is_rejected()
    {
        var decoded = SignedTransaction.Parse(Eip155Raw);
        var n = BigInteger.Parse("115792089237316195423570985008687907852837564279074904382605163141518161494337");
        var s = new BigInteger(decoded.Signature.S.AsSpan(), true, true);
        var high = new byte[32];
        (n - s).ToByteArray(true, true).CopyTo(high, 0);
        var forged = decoded.Transaction.EncodeSigned(decoded.Signature with { S = new Hash32(high), YParity = (byte)(decoded.Signature.YParity ^ 1) });
        var error = Assert.Throws<EthereumException>(() => SignedTransaction.Decode(forged));
        Assert.Contains("s at most n/2", error.Message);
    }

    [Fact]
    public void An_EIP_1559_y_parity_other_than_0_or_1_is_rejected()
    {
        var key = SigningKey.Parse("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
        var tx = new Eip1559Transaction { ChainId = 1, GasLimit = 21000 };
        var raw = tx.EncodeSigned(tx.Sign(key).Signature with { YParity = 2 });
        var error = Assert.Throws<EthereumException>(() => SignedTransaction.Decode(raw));
        Assert.Contains("yParity must be 0 or 1 but is 2", error.Message);
    }

    [Fact]
    public void A_legacy_v_that_is_neither_27_28_nor_EIP_155_is_rejected()
    {
        var raw = Hex.Decode(Eip155Raw);
        raw[43] = 0x1d; // v (0x25 = 37) becomes 29
        var error = Assert.Throws<EthereumException>(() => SignedTransaction.Decode(raw));
        Assert.Contains("v must be 27, 28 or at least 35", error.Message);
    }
}

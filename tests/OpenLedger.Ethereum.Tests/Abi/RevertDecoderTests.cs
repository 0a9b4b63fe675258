using System.Numerics;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Tests.Abi;

public class RevertDecoderTests
{
    [Fact]
    public void Error_string_becomes_the_reason()
    {
        var revert = RevertDecoder.Default.Decode(AbiError.ErrorString.Encode("not owner"));
        Assert.Equal("Error", revert.ErrorName);
        Assert.Equal("not owner", revert.Reason);
        Assert.Equal("Execution reverted: \"not owner\"", revert.Message);
        Assert.Equal("0x08c379a0", revert.Selector.ToString());
    }

    [Theory]
    [InlineData(0x11, "arithmetic overflow or underflow")]
    [InlineData(0x12, "division or modulo by zero")]
    [InlineData(0x32, "array index out of bounds")]
    [InlineData(0x01, "assertion failed")]
    [InlineData(0x99, "unknown panic code")]
    public void Panic_carries_its_code_and_meaning(int code, string meaning)
    {
        var revert = RevertDecoder.Default.Decode(AbiError.Panic.Encode(code));
        Assert.Equal(new BigInteger(code), revert.PanicCode);
        Assert.Equal($"Execution reverted with panic 0x{code:x2} ({meaning})", revert.Message);
    }

    [Fact]
    public void Custom_error_is_decoded_with_named_arguments()
    {
        var error = AbiError.Parse("error OwnableUnauthorizedAccount(address account)");
        var account = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        var revert = new RevertDecoder([error]).Decode(error.Encode(account));
        Assert.Equal("OwnableUnauthorizedAccount", revert.ErrorName);
        Assert.Equal(account, revert.Arguments[0]);
        Assert.Equal($"Execution reverted with OwnableUnauthorizedAccount(account={account})", revert.Message);
        Assert.Null(revert.Reason);
        Assert.Null(revert.PanicCode);
    }

    [Fact]
    public void Unknown_selector_keeps_the_raw_data()
    {
        var data = Hex.Decode("0xdeadbeef0000000000000000000000000000000000000000000000000000000000000001");
        var revert = RevertDecoder.Default.Decode(data);
        Assert.Null(revert.ErrorName);
        Assert.Equal(data, revert.RawData);
        Assert.Equal("Execution reverted with unknown error 0xdeadbeef: " + Hex.Encode(data), revert.Message);
    }

    [Fact]
    public void Empty_revert_data_is_a_bare_revert()
    {
        var revert = RevertDecoder.Default.Decode([]);
        Assert.Equal("Execution reverted without data", revert.Message);
        Assert.Null(revert.Selector);
    }

    [Fact]
    public void Known_selector_with_undecodable_arguments_keeps_the_raw_data_and_says_why()
    {
        var data = Hex.Decode("0x08c379a0" + Words.Word("20") + Words.Word("ff"));
        var revert = RevertDecoder.Default.Decode(data);
        Assert.Null(revert.ErrorName);
        Assert.Contains("starts with Error(string)'s selector but does not decode", revert.Message);
        Assert.Contains("has length 255 but only 0 bytes follow", revert.Message);
    }

    [Fact]
    public void A_custom_error_with_a_built_in_signature_replaces_nothing()
    {
        var decoder = new RevertDecoder([AbiError.Parse("Error(string reason)")]);
        Assert.Equal(2, decoder.Errors.Count);
    }
}

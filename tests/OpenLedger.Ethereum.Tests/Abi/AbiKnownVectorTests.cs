using System.Numerics;
using System.Text;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Tests.Abi;

// The examples of the Solidity ABI specification ("Examples" and "Use of Dynamic Types").
public class AbiKnownVectorTests
{
    [Fact]
    public void Baz_uint32_bool_matches_the_spec()
    {
        var baz = AbiFunction.Parse("baz(uint32 x, bool y) returns (bool r)");
        var calldata = baz.EncodeCall(69, true);
        Assert.Equal("0xcdcd77c0", baz.Selector.ToString());
        Assert.Equal(Hex.Decode("cdcd77c0").Concat(Words.Of("45", "1")), calldata);
        var decoded = baz.DecodeCall(calldata);
        Assert.Equal(new BigInteger(69), decoded[0]);
        Assert.Equal(true, decoded[1]);
    }

    [Fact]
    public void Bar_fixed_array_of_bytes3_matches_the_spec()
    {
        var bar = AbiFunction.Parse("bar(bytes3[2])");
        var calldata = bar.EncodeCall([new object[] { "abc"u8.ToArray(), "def"u8.ToArray() }]);
        Assert.Equal("0xfce353f6", bar.Selector.ToString());
        Assert.Equal(Hex.Decode("fce353f6").Concat(Words.Of("*616263", "*646566")), calldata);
    }

    [Fact]
    public void Sam_bytes_bool_uint_array_matches_the_spec()
    {
        var sam = AbiFunction.Parse("sam(bytes,bool,uint[])");
        Assert.Equal("sam(bytes,bool,uint256[])", sam.Signature);
        var calldata = sam.EncodeCall("dave"u8.ToArray(), true, new BigInteger[] { 1, 2, 3 });
        Assert.Equal("0xa5643bf2", sam.Selector.ToString());
        var expected = Words.Of("60", "1", "a0", "4", "*64617665", "3", "1", "2", "3");
        Assert.Equal(Hex.Decode("a5643bf2").Concat(expected), calldata);
        var decoded = sam.DecodeCall(calldata);
        Assert.Equal("dave"u8.ToArray(), decoded[0]);
        Assert.Equal(new object[] { new BigInteger(1), new BigInteger(2), new BigInteger(3) }, decoded[2]);
    }

    [Fact]
    public void F_uint_uint32_array_bytes10_bytes_matches_the_spec()
    {
        var f = AbiFunction.Parse("f(uint256,uint32[],bytes10,bytes)");
        var calldata = f.EncodeCall(new BigInteger(0x123), new uint[] { 0x456, 0x789 }, "1234567890"u8.ToArray(), "Hello, world!"u8.ToArray());
        Assert.Equal("0x8be65246", f.Selector.ToString());
        var expected = Words.Of("123", "80", "*31323334353637383930", "e0", "2", "456", "789", "d",
            "*48656c6c6f2c20776f726c6421");
        Assert.Equal(Hex.Decode("8be65246").Concat(expected), calldata);
        var decoded = f.DecodeCall(calldata);
        Assert.Equal("Hello, world!", Encoding.UTF8.GetString((byte[])decoded[3]!));
        Assert.Equal("1234567890"u8.ToArray(), decoded[2]);
    }

    [Fact]
    public void G_nested_dynamic_arrays_and_strings_match_the_spec()
    {
        var g = AbiFunction.Parse("g(uint256[][],string[])");
        var calldata = g.EncodeCall(new object[] { new[] { 1, 2 }, new[] { 3 } }, new[] { "one", "two", "three" });
        Assert.Equal("0x2289b18c", g.Selector.ToString());
        var expected = Words.Of("40", "140", "2", "40", "a0", "2", "1", "2", "1", "3", "3", "60", "a0", "e0",
            "3", "*6f6e65", "3", "*74776f", "5", "*7468726565");
        Assert.Equal(Hex.Decode("2289b18c").Concat(expected), calldata);
        var decoded = g.DecodeCall(calldata);
        Assert.Equal(new object[] { "one", "two", "three" }, decoded[1]);
    }

    [Theory]
    [InlineData("transfer(address,uint256)", "0xa9059cbb")]
    [InlineData("balanceOf(address)", "0x70a08231")]
    [InlineData("Error(string)", "0x08c379a0")]
    [InlineData("Panic(uint256)", "0x4e487b71")]
    public void Selectors_are_the_first_four_bytes_of_keccak(string signature, string selector) =>
        Assert.Equal(selector, AbiSelector.FromSignature(signature).ToString());

    [Fact]
    public void Transfer_event_topic0_is_keccak_of_its_signature()
    {
        var transfer = AbiEvent.Parse("event Transfer(address indexed from, address indexed to, uint256 value)");
        Assert.Equal("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef", transfer.Topic0.ToString());
    }

    [Theory]
    [InlineData("int8", -128, "ff80")]
    [InlineData("int256", -1, "ffff")]
    [InlineData("int16", 32767, "007fff")]
    public void Negative_and_extreme_signed_integers_are_sign_extended(string type, long value, string tail)
    {
        var encoded = Hex.Encode(AbiEncoder.Encode(AbiType.Parse(type), value), prefix: false);
        var fill = value < 0 ? 'f' : '0';
        Assert.Equal(tail.TrimStart('0').PadLeft(64, fill)[^64..], encoded);
        Assert.Equal(new BigInteger(value), AbiDecoder.Decode(AbiType.Parse(type), Hex.Decode(encoded)));
    }
}

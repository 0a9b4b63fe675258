using System.Numerics;
using OpenLedger.Ethereum.Abi;

namespace OpenLedger.Ethereum.Tests.Abi;

public class AbiValueErrorTests
{
    public static TheoryData<string, object?, string> BadValues => new()
    {
        { "uint8", 256, "uint8 value 256 is out of range: expected 0 to 2^8-1" },
        { "uint256", BigInteger.MinusOne, "uint256 value -1 is out of range" },
        { "uint256", BigInteger.One << 256, "is out of range: expected 0 to 2^256-1" },
        { "int8", 128, "int8 value 128 is out of range: expected -2^7 to 2^7-1" },
        { "int8", -129, "int8 value -129 is out of range" },
        { "bytes4", new byte[3], "bytes4 value must be 4 bytes but is 3" },
        { "bytes32", new byte[33], "bytes32 value must be 32 bytes but is 33" },
        { "address", "0x1234", "An address must be 0x followed by 40 hex digits" },
        { "bool", 1, "bool value must be a bool but is Int32" },
        { "string", new byte[1], "string value must be a string but is Byte[]" },
        { "uint8[2]", new[] { 1, 2, 3 }, "uint8[2] value must have 2 elements but has 3" },
        { "(uint8,bool)", new object[] { 1 }, "(uint8,bool) value must have 2 components but has 1" },
        { "uint8[]", new object[] { 1, 300 }, "element 1 of uint8[]: uint8 value 300 is out of range" },
        { "uint256", "12", "uint256 value must be an integer" },
        { "bytes", null, "bytes value must be a byte[] but is null" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Values_that_do_not_fit_their_type_are_rejected_naming_type_expected_and_actual(string type, object? value, string reason)
    {
        var e = Assert.Throws<EthereumException>(() => AbiEncoder.Encode(AbiType.Parse(type), value));
        Assert.Contains($"Cannot encode argument 0 ({type})", e.Message);
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void Extreme_integers_are_accepted()
    {
        AbiEncoder.Encode(AbiType.Parse("int8"), -128);
        AbiEncoder.Encode(AbiType.Parse("int256"), -(BigInteger.One << 255));
        AbiEncoder.Encode(AbiType.Parse("uint256"), (BigInteger.One << 256) - 1);
    }

    [Fact]
    public void Wrong_argument_count_is_rejected()
    {
        var e = Assert.Throws<EthereumException>(() => AbiFunction.Parse("f(uint256,bool)").EncodeCall(1));
        Assert.Contains("Expected 2 values for (uint256,bool) but got 1", e.Message);
    }

    [Fact]
    public void Value_tuples_encode_as_tuples()
    {
        var type = AbiType.Parse("(uint8,string)");
        Assert.Equal(AbiEncoder.Encode(type, new object[] { 7, "x" }), AbiEncoder.Encode(type, (7, "x")));
    }
}

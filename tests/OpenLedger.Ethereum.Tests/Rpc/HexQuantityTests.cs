using System.Numerics;
using OpenLedger.Ethereum.Rpc;

namespace OpenLedger.Ethereum.Tests.Rpc;

public class HexQuantityTests
{
    [Theory]
    [InlineData(0UL, "0x0")]
    [InlineData(1UL, "0x1")]
    [InlineData(255UL, "0xff")]
    [InlineData(ulong.MaxValue, "0xffffffffffffffff")]
    public void Quantities_encode_canonically_and_round_trip(ulong value, string hex)
    {
        Assert.Equal(hex, HexQuantity.Encode(value));
        Assert.Equal(hex, HexQuantity.Encode(new BigInteger(value)));
        Assert.Equal(value, HexQuantity.ParseUInt64(hex));
        Assert.Equal(new BigInteger(value), HexQuantity.Parse(hex));
    }

    [Fact]
    public void Big_quantities_with_the_top_bit_set_stay_positive()
    {
        var max = (BigInteger.One << 256) - 1;
        Assert.Equal("0x" + new string('f', 64), HexQuantity.Encode(max));
        Assert.Equal(max, HexQuantity.Parse("0x" + new string('f', 64)));
        Assert.Equal(BigInteger.One << 128, HexQuantity.Parse("0x1" + new string('0', 32)));
    }

    [Theory]
    [InlineData(null, "must be a hex quantity but is null")]
    [InlineData("0x", "must be 0x followed by hex digits")]
    [InlineData("ff", "must be 0x followed by hex digits")]
    [InlineData("0X1", "must be 0x followed by hex digits")]
    [InlineData("0x00", "must not have leading zeros")]
    [InlineData("0x0g", "has a non-hex character 'g'")]
    [InlineData("0x-1", "has a non-hex character '-'")]
    public void Malformed_quantities_are_rejected(string? text, string reason)
    {
        var e = Assert.Throws<EthereumException>(() => HexQuantity.Parse(text, "gas"));
        Assert.Contains("gas " + reason, e.Message);
    }

    [Fact]
    public void Negative_values_cannot_be_encoded() =>
        Assert.Contains("must not be negative", Assert.Throws<EthereumException>(() => HexQuantity.Encode(BigInteger.MinusOne)).Message);
}

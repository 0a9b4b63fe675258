using System.Numerics;
using OpenLedger.Node.Relay;

namespace OpenLedger.Node.Tests.Relay;

public sealed class RelayRequestParserTests
{
    private const string Signature = "0x" + "11" + "00000000000000000000000000000000000000000000000000000000000022" +
        "0000000000000000000000000000000000000000000000000000000000000033" + "1b";

    private static RelayRegisterRequest Body(RelayPermitRequest? permit = null, string bond = "5") => new(
        "1", "0x" + new string('a', 64), 0, "ipfs://x", bond, "0x" + new string('b', 40), "0", "100", Signature, permit);

    [Fact]
    public void A_body_without_a_permit_parses_with_no_permit()
    {
        Assert.Null(RelayRequestParser.Parse(Body(), out var message, out _, out var permit));
        Assert.Null(permit);
        Assert.Equal(new BigInteger(5), message.Bond);
    }

    [Fact]
    public void A_permit_parses_into_value_deadline_and_signature()
    {
        Assert.Null(RelayRequestParser.Parse(Body(new RelayPermitRequest("7", "200", Signature)), out _, out _, out var permit));
        Assert.Equal(new BigInteger(7), permit!.Value.Value);
        Assert.Equal(new BigInteger(200), permit.Value.Deadline);
        Assert.Equal(Signature, OpenLedger.Ethereum.Primitives.Hex.Encode(permit.Value.Signature));
    }

    [Theory]
    [InlineData("-1", "200", Signature, "permit.value must be a decimal integer string from 0 to 2^256 - 1")]
    [InlineData(null, "200", Signature, "permit.value must be a decimal integer string")]
    [InlineData("1", "1e9", Signature, "permit.deadline must be a decimal integer string")]
    [InlineData("1", "200", "0x1234", "permit.signature must be 65 bytes of 0x hex (r, s, v)")]
    [InlineData("1", "200", null, "permit.signature must be 65 bytes of 0x hex (r, s, v)")]
    public void A_malformed_permit_names_the_field(string? value, string? deadline, string? signature, string expected)
    {
        var problem = RelayRequestParser.Parse(Body(new RelayPermitRequest(value, deadline, signature)), out _, out _, out _);
        Assert.NotNull(problem);
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void A_number_beyond_uint256_is_refused_instead_of_failing_later_in_the_abi_encoder()
    {
        var tooBig = (BigInteger.One << 256).ToString();
        var problem = RelayRequestParser.Parse(Body(new RelayPermitRequest(tooBig, "200", Signature), bond: tooBig), out _, out _, out _);
        Assert.Equal("bond must be a decimal integer string from 0 to 2^256 - 1; permit.value must be a decimal integer string from 0 to 2^256 - 1", problem);
        Assert.Null(RelayRequestParser.Parse(Body(bond: ((BigInteger.One << 256) - 1).ToString()), out _, out _, out _));
    }
}

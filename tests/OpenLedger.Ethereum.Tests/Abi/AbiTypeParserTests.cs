using OpenLedger.Ethereum.Abi;

namespace OpenLedger.Ethereum.Tests.Abi;

public class AbiTypeParserTests
{
    [Theory]
    [InlineData("uint8", "uint8", false, 32)]
    [InlineData("uint", "uint256", false, 32)]
    [InlineData("int", "int256", false, 32)]
    [InlineData("bytes32[3]", "bytes32[3]", false, 96)]
    [InlineData("(address,uint256)[2]", "(address,uint256)[2]", false, 128)]
    [InlineData("string[2][]", "string[2][]", true, 32)]
    [InlineData("(bool,(bytes,uint8[]))", "(bool,(bytes,uint8[]))", true, 32)]
    [InlineData("()", "()", false, 0)]
    public void Canonical_types_parse_with_their_sizes(string text, string canonical, bool dynamic, int headSize)
    {
        var type = AbiType.Parse(text);
        Assert.Equal(canonical, type.CanonicalName);
        Assert.Equal(dynamic, type.IsDynamic);
        Assert.Equal(headSize, type.HeadSize);
    }

    [Theory]
    [InlineData("uint7", "uint7 is not an ABI type: uint sizes are multiples of 8 from 8 to 256")]
    [InlineData("int264", "int264 is not an ABI type: int sizes are multiples of 8 from 8 to 256")]
    [InlineData("bytes33", "bytes33 is not an ABI type: bytesN sizes are 1 to 32")]
    [InlineData("bytes0", "bytes0 is not an ABI type: bytesN sizes are 1 to 32")]
    [InlineData("uint08", "'uint08' must end in a decimal size without leading zeros")]
    [InlineData("uint256[0]", "a fixed array needs at least one element")]
    [InlineData("uint256[-1]", "array length '-1' must be a positive decimal number")]
    [InlineData("uint256[", "'[' at position 7 is never closed")]
    [InlineData("(uint256,bool", "a tuple is never closed")]
    [InlineData("(uint256;bool)", "expected ',' or ')' in a tuple at position 8 but found ';'")]
    [InlineData("float", "'float' is not an ABI type name")]
    [InlineData("uint256 ", "unexpected ' ' at position 7")]
    [InlineData("", "expected a type name but the text ended")]
    [InlineData("uint256[100000][1000]", "uint256[100000][1000] is not a usable ABI type: its encoding would take 3200000000 bytes, more than 16777216")]
    public void Invalid_type_strings_are_rejected_with_the_reason(string text, string reason)
    {
        var e = Assert.Throws<EthereumException>(() => AbiType.Parse(text));
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void Event_signature_parses_indexed_flags_and_names()
    {
        var e = AbiEvent.Parse("event ContributionRegistered(uint256 indexed id, uint256 indexed modelId, address indexed contributor, bytes32 contentHash, uint8 kind, string uri, uint256 bond)");
        Assert.Equal("ContributionRegistered(uint256,uint256,address,bytes32,uint8,string,uint256)", e.Signature);
        Assert.Equal([true, true, true, false, false, false, false], e.Parameters.Select(p => p.Indexed));
        Assert.Equal("contributor", e.Parameters[2].Name);
        Assert.Equal(4, e.TopicCount);
    }

    [Fact]
    public void Event_with_four_indexed_parameters_must_be_anonymous()
    {
        var e = Assert.Throws<EthereumException>(() => AbiEvent.Parse("E(uint8 indexed a, uint8 indexed b, uint8 indexed c, uint8 indexed d)"));
        Assert.Contains("has 4 indexed parameters but at most 3", e.Message);
        Assert.Equal(4, AbiEvent.Parse("E(uint8 indexed a, uint8 indexed b, uint8 indexed c, uint8 indexed d) anonymous").TopicCount);
    }

    [Fact]
    public void Function_signature_with_tuple_parameters_and_returns_parses()
    {
        var f = AbiFunction.Parse("function registerBatch((uint256 modelId, bytes32 contentHash, uint8 kind, string uri)[] items) external returns (uint256[] ids)");
        Assert.Equal("registerBatch((uint256,bytes32,uint8,string)[])", f.Signature);
        Assert.Equal("uint256[]", f.Outputs[0].Type.CanonicalName);
    }

    [Theory]
    [InlineData("transfer", "expected a name followed by '('")]
    [InlineData("1abc(uint256)", "'1abc' is not a valid name")]
    [InlineData("f(uint256 a b)", "cannot read parameter 'uint256 a b'")]
    [InlineData("f(uint256) returns", "expected '(' after returns")]
    public void Invalid_signatures_are_rejected(string signature, string reason)
    {
        var e = Assert.Throws<EthereumException>(() => AbiFunction.Parse(signature));
        Assert.Contains(reason, e.Message);
    }
}

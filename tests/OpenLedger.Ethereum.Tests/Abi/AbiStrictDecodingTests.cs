using OpenLedger.Ethereum.Abi;

namespace OpenLedger.Ethereum.Tests.Abi;

public class AbiStrictDecodingTests
{
    public static TheoryData<string, string[], string> Malformed => new()
    {
        { "uint256", [], "data ends at byte 0 but uint256 needs bytes 0 to 32" },
        { "uint8", ["100"], "uint8 word has non-zero bits above bit 8" },
        { "uint32", ["100000000"], "uint32 word has non-zero bits above bit 32" },
        { "int8", ["80"], "int8 word is not the sign extension of a 8-bit value" },
        { "address", ["1" + new string('0', 63)], "address word has non-zero bytes above its 20 bytes" },
        { "bool", ["2"], "bool word must be 0 or 1" },
        { "bytes2", ["*616263"], "bytes2 word has non-zero padding after its 2 bytes" },
        { "bytes", ["40"], "offset 64 of bytes at byte 0 points outside the 32 bytes" },
        { "bytes", ["20", "21", "*61"], "bytes at byte 32 has length 33 but only 32 bytes follow" },
        { "bytes", ["20", "1", "*6162"], "bytes at byte 32 has non-zero padding after its 1 bytes" },
        { "uint256[]", ["20", "3", "1", "2"], "uint256[] at byte 32 has length 3 but its elements would need 96 bytes and only 64 follow" },
        { "uint256[]", ["20", "ffffffff"], "length of uint256[] at byte 32 0x00000000000000000000000000000000000000000000000000000000ffffffff is too large" },
        { "bytes", ["1" + new string('0', 20)], "is too large" },
        { "()[]", ["20", "7fffffff"], "()[] at byte 32 has length 2147483647 but its elements would need 2147483647 bytes and only 0 follow" },
        { "(uint8,bool)[2]", ["1", "1", "2", "3"], "element 1 of (uint8,bool)[2]: component 1 of (uint8,bool): at byte 96: bool word must be 0 or 1" },
        { "string[]", ["20", "1", "40"], "element 0 of string[]: offset 64 of string at byte 64 points outside the 32 bytes" },
        { "string[]", ["20", "1", "20", "ff"], "element 0 of string[]: string at byte 96 has length 255 but only 0 bytes follow" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_data_is_rejected_naming_type_and_position(string type, string[] words, string reason)
    {
        var e = Assert.Throws<EthereumException>(() => AbiDecoder.Decode(AbiType.Parse(type), Words.Of(words)));
        Assert.Contains($"Cannot decode argument 0 ({type})", e.Message);
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void A_string_that_is_not_utf8_decodes_with_replacement_characters_as_the_chain_accepted_it()
    {
        // 0xff is never valid UTF-8; "a" then 0xff then "b". Solidity stores and logs such strings without complaint.
        var decoded = AbiDecoder.Decode(AbiType.Parse("string"), Words.Of(["20", "3", "*61ff62"]));
        Assert.Equal("a\uFFFDb", Assert.IsType<string>(decoded));
    }

    [Fact]
    public void Trailing_bytes_after_the_last_value_are_allowed()
    {
        Assert.Equal(System.Numerics.BigInteger.One, AbiDecoder.Decode(AbiType.UInt256, Words.Of("1", "ff")));
    }

    [Fact]
    public void Calldata_with_another_selector_is_rejected()
    {
        var f = AbiFunction.Parse("f(uint256)");
        var e = Assert.Throws<EthereumException>(() => f.DecodeCall(Words.Of("1")));
        Assert.Contains($"Calldata for f(uint256) must start with {f.Selector} but starts with 0x00000000", e.Message);
    }
}

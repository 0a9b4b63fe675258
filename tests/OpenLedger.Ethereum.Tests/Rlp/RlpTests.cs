using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rlp;

namespace OpenLedger.Ethereum.Tests.Rlp;

public class RlpTests
{
    private static RlpItem Str(string text) => RlpItem.String(System.Text.Encoding.ASCII.GetBytes(text));

    public static TheoryData<string, string> StringVectors => new()
    {
        { "dog", "0x83646f67" },
        { "", "0x80" },
        { "a", "0x61" },
        { "Lorem ipsum dolor sit amet, consectetur adipisicing elit",
          "0xb8384c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e7365637465747572206164697069736963696e6720656c6974" },
    };

    [Theory]
    [MemberData(nameof(StringVectors))]
    public void Byte_strings_encode_as_the_yellow_paper_examples(string text, string expected)
    {
        var encoded = RlpEncoder.Encode(Str(text));
        Assert.Equal(expected, Hex.Encode(encoded));
        Assert.Equal(text, System.Text.Encoding.ASCII.GetString(RlpDecoder.Decode(encoded).Bytes.Span));
    }

    [Theory]
    [InlineData(0, "0x80")]
    [InlineData(15, "0x0f")]
    [InlineData(127, "0x7f")]
    [InlineData(128, "0x8180")]
    [InlineData(1024, "0x820400")]
    public void Integers_encode_minimally_and_round_trip(long value, string expected)
    {
        var encoded = RlpEncoder.EncodeInteger(value);
        Assert.Equal(expected, Hex.Encode(encoded));
        Assert.Equal(value, (long)RlpDecoder.Decode(encoded).ToBigInteger());
    }

    [Fact]
    public void Lists_and_the_set_theoretic_nesting_encode_as_the_yellow_paper_examples()
    {
        Assert.Equal("0xc88363617483646f67", Hex.Encode(RlpEncoder.Encode(RlpItem.List(Str("cat"), Str("dog")))));
        Assert.Equal("0xc0", Hex.Encode(RlpEncoder.Encode(RlpItem.List())));
        // [ [], [[]], [ [], [[]] ] ]
        var three = RlpItem.List(RlpItem.List(), RlpItem.List(RlpItem.List()),
            RlpItem.List(RlpItem.List(), RlpItem.List(RlpItem.List())));
        var encoded = RlpEncoder.Encode(three);
        Assert.Equal("0xc7c0c1c0c3c0c1c0", Hex.Encode(encoded));
        Assert.Equal(three.ToString(), RlpDecoder.Decode(encoded).ToString());
    }

    [Fact]
    public void A_long_list_uses_the_long_length_form_and_round_trips()
    {
        var items = Enumerable.Range(0, 100).Select(i => RlpItem.String(new byte[] { (byte)i, 0xff })).ToArray();
        var encoded = RlpEncoder.Encode(RlpItem.List(items));
        Assert.Equal(new byte[] { 0xf9, 0x01, 0x2c }, encoded[..3]); // 300-byte payload: 2-byte length
        var decoded = RlpDecoder.Decode(encoded);
        Assert.Equal(100, decoded.Items.Count);
        Assert.Equal(new byte[] { 42, 0xff }, decoded.Items[42].Bytes.ToArray());
    }

    [Fact]
    public void Random_nested_structures_round_trip()
    {
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var item = RandomItem(random, 0);
            var encoded = RlpEncoder.Encode(item);
            Assert.Equal(encoded, RlpEncoder.Encode(RlpDecoder.Decode(encoded)));
        }
    }

    private static RlpItem RandomItem(Random random, int depth)
    {
        if (depth < 3 && random.Next(3) == 0)
            return RlpItem.List(Enumerable.Range(0, random.Next(6)).Select(_ => RandomItem(random, depth + 1)).ToArray());
        var bytes = new byte[random.Next(4) switch { 0 => 0, 1 => 1, 2 => random.Next(2, 56), _ => random.Next(56, 300) }];
        random.NextBytes(bytes);
        return RlpItem.String(bytes);
    }

    [Theory]
    [InlineData("0x8100", "single byte")]        // 0x00 must stand alone
    [InlineData("0x817f", "single byte")]        // 0x7f must stand alone
    [InlineData("0xb80100", "short form")]       // 1-byte payload in long form
    [InlineData("0xb90001" + "00", "leading zero")] // length with a leading zero byte
    [InlineData("0xf80180", "short form")]       // 1-byte list in long form
    public void Non_canonical_encodings_are_rejected(string hex, string reason)
    {
        var error = Assert.Throws<EthereumException>(() => RlpDecoder.Decode(Hex.Decode(hex)));
        Assert.Contains(reason, error.Message);
    }

    [Theory]
    [InlineData("0x83646f")]      // string needs 3 bytes, 2 remain
    [InlineData("0xc88363617483646f")] // list payload cut short
    [InlineData("0xb8")]          // long-form header without its length
    [InlineData("0x")]            // nothing at all
    public void Truncated_input_is_rejected(string hex)
    {
        var error = Assert.Throws<EthereumException>(() => RlpDecoder.Decode(Hex.Decode(hex)));
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Trailing_bytes_after_the_item_are_rejected()
    {
        var error = Assert.Throws<EthereumException>(() => RlpDecoder.Decode(Hex.Decode("0x83646f6700")));
        Assert.Contains("1 trailing bytes", error.Message);
    }

    [Fact]
    public void An_integer_with_a_leading_zero_byte_is_rejected()
    {
        var item = RlpDecoder.Decode(Hex.Decode("0x820001"));
        var error = Assert.Throws<EthereumException>(() => item.ToBigInteger("nonce"));
        Assert.Contains("leading zero", error.Message);
    }

    [Fact]
    public void Reading_a_list_as_bytes_or_bytes_as_a_list_is_rejected()
    {
        Assert.Throws<EthereumException>(() => RlpDecoder.Decode(Hex.Decode("0xc0")).Bytes);
        Assert.Throws<EthereumException>(() => RlpDecoder.Decode(Hex.Decode("0x80")).Items);
    }
}

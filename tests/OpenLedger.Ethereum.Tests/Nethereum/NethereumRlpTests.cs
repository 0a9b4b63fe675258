using Nethereum.RLP;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rlp;
using NRlp = Nethereum.RLP.RLP;

namespace OpenLedger.Ethereum.Tests.Nethereum;

// Random nested RLP (strings of every length class, single bytes below and above 0x80, long lists) encoded by
// both libraries, and each side decoding the other's bytes into the same tree.
public class NethereumRlpTests
{
    [Fact]
    public void Encodings_of_500_random_nested_items_match_Nethereum_and_each_decodes_the_other()
    {
        var random = new Random(1611);
        for (var i = 0; i < 500; i++)
        {
            // Top-level lists, as transactions are; strings of every length class sit inside them.
            var item = RlpItem.List([.. Enumerable.Range(0, random.Next(8)).Select(_ => RandomItem(random, 1))]);
            var ours = RlpEncoder.Encode(item);
            var theirs = EncodeWithNethereum(item);
            Assert.True(Hex.Encode(theirs) == Hex.Encode(ours), $"case {i}: {item} encodes differently in Nethereum");

            Assert.Equal(item.ToString(), RlpDecoder.Decode(theirs).ToString());
            Assert.Equal(item.ToString(), FromNethereum(NRlp.Decode(ours)).ToString());
        }
    }

    private static RlpItem RandomItem(Random random, int depth)
    {
        if (depth < 4 && random.Next(4) == 0)
            return RlpItem.List([.. Enumerable.Range(0, random.Next(random.Next(10) == 0 ? 70 : 5)).Select(_ => RandomItem(random, depth + 1))]);
        var length = random.Next(6) switch
        {
            0 => 0,
            1 => 1, // a single byte: below 0x80 it is its own encoding
            2 => random.Next(2, 56),
            3 => random.Next(56, 300), // the long string form
            _ => random.Next(0, 40),
        };
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return RlpItem.String(bytes);
    }

    private static byte[] EncodeWithNethereum(RlpItem item) => item.IsList
        ? NRlp.EncodeList([.. item.Items.Select(EncodeWithNethereum)])
        : NRlp.EncodeElement(item.Bytes.ToArray());

    private static RlpItem FromNethereum(IRLPElement element) => element switch
    {
        RLPCollection list => RlpItem.List([.. list.Select(FromNethereum)]),
        // Nethereum gives an empty string as null data.
        _ => RlpItem.String(element.RLPData ?? []),
    };
}

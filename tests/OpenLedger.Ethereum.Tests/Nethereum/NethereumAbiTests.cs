using System.Text.Json.Nodes;
using Nethereum.ABI.FunctionEncoding;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Tests.Abi;

namespace OpenLedger.Ethereum.Tests.Nethereum;

// The ABI cases of Abi/AbiDifferentialTests (every type we support, nested) against Nethereum: same bytes for the
// same values, same values from the same bytes, each side decoding the other's encoding.
public class NethereumAbiTests
{
    [Fact]
    public void Encodings_of_500_random_nested_types_match_Nethereum_and_each_decodes_the_other()
    {
        var random = new AbiRandom(1651);
        for (var i = 0; i < 500; i++)
        {
            var types = Enumerable.Range(0, 1 + random.Random.Next(4)).Select(_ => random.Type()).ToArray();
            var values = types.Select(random.Value).ToArray();
            var signature = string.Join(',', types.Select(t => t.CanonicalName));
            var parameters = NethereumAbi.Parameters(types);

            var ours = AbiEncoder.Encode(types, values);
            var theirs = new ParametersEncoder().EncodeParameters(parameters, NethereumAbi.ToNethereum(types, values));
            Assert.True(Hex.Encode(theirs) == Hex.Encode(ours), $"case {i} ({signature}): encoding differs from Nethereum");

            var expected = AbiJson.Of(types, values);
            Assert.True(JsonNode.DeepEquals(expected, AbiJson.Of(types, AbiDecoder.Decode(types, theirs))), $"case {i} ({signature}): decoding Nethereum's bytes gave other values");
            var theirDecoding = new ParameterDecoder().DecodeDefaultData(ours, parameters).OrderBy(o => o.Parameter.Order)
                .Select((o, k) => NethereumAbi.FromNethereum(types[k], o.Result)).ToArray();
            Assert.True(JsonNode.DeepEquals(expected, AbiJson.Of(types, theirDecoding)), $"case {i} ({signature}): Nethereum decodes our bytes to other values");
        }
    }

    [Fact]
    public void Logs_of_300_random_events_decode_alike_in_Nethereum_and_in_ours()
    {
        var random = new AbiRandom(1652);
        for (var i = 0; i < 300; i++)
        {
            // Not indexed arrays or tuples: Nethereum decodes their topic (a hash) as if it held the array or tuple itself.
            // Not anonymous: Nethereum's decoder takes topic0 for the signature whatever the event says.
            var (evt, values, topics) = RandomLog(random, t => t.Kind is not (AbiTypeKind.DynamicArray or AbiTypeKind.FixedArray or AbiTypeKind.Tuple), anonymous: false);
            var data = AbiEncoder.Encode([.. evt.Parameters.Where(p => !p.Indexed).Select(p => p.Type)],
                [.. evt.Parameters.Select((p, k) => (p, k)).Where(x => !x.p.Indexed).Select(x => values[x.k])]);
            var theirEvent = NethereumAbi.Event(evt);
            if (!evt.Anonymous) Assert.Equal(evt.Topic0.ToString(), "0x" + theirEvent.Sha3Signature);

            // An indexed string, bytes, array or tuple is only its hash in the topic: that hash is the value both give.
            var expected = new JsonArray([.. evt.Parameters.Select((p, k) => AbiJson.Of(p.Type, p.Indexed && !AbiEvent.IsTopicValue(p.Type) ? topics[(evt.Anonymous ? 0 : 1) + IndexedOrdinal(evt, k)] : values[k]))]);
            var ours = evt.DecodeLog(topics, data);
            Assert.True(JsonNode.DeepEquals(expected, new JsonArray([.. evt.Parameters.Select((p, k) => AbiJson.Of(p.Type, ours.Values[k]))])), $"case {i} ({evt.Signature}): we decode other values");

            var theirs = new EventTopicDecoder().DecodeDefaultTopics(theirEvent, [.. topics.Select(t => (object)t.ToString())], Hex.Encode(data));
            var theirValues = evt.Parameters.Select(p =>
            {
                var output = theirs.Single(o => o.Parameter.Name == p.Name);
                return p.Indexed && !AbiEvent.IsTopicValue(p.Type) ? new Hash32(TopicBytes(output.Result)) : NethereumAbi.FromNethereum(p.Type, output.Result);
            }).ToArray();
            Assert.True(JsonNode.DeepEquals(expected, new JsonArray([.. evt.Parameters.Select((p, k) => AbiJson.Of(p.Type, theirValues[k]))])), $"case {i} ({evt.Signature}): Nethereum decodes other values");
        }
    }

    /// <summary>A random event (up to three indexed parameters, four when anonymous), values for it, and our topics.</summary>
    private static (AbiEvent Event, object?[] Values, Hash32[] Topics) RandomLog(AbiRandom random, Func<AbiType, bool> indexable, bool anonymous = true)
    {
        anonymous = anonymous && random.Random.Next(5) == 0;
        var indexedLeft = anonymous ? 4 : 3;
        var parameters = Enumerable.Range(0, 1 + random.Random.Next(6)).Select(k =>
        {
            var type = random.Type(2);
            var indexed = indexedLeft > 0 && random.Random.Next(2) == 0 && indexable(type);
            if (indexed) indexedLeft--;
            return new AbiParameter($"p{k}", type, indexed);
        }).ToArray();
        var evt = new AbiEvent("E" + random.Random.Next(1000), parameters, anonymous);
        var values = parameters.Select(p => random.Value(p.Type)).ToArray();
        var topics = parameters.Select((p, k) => (p, k)).Where(x => x.p.Indexed).Select(x =>
            x.p.Type.Kind is AbiTypeKind.DynamicArray or AbiTypeKind.FixedArray or AbiTypeKind.Tuple
                ? new Hash32(random.Bytes(32)) // the in-place hash of an array or tuple is not ours to compute
                : AbiEvent.EncodeTopic(x.p.Type, values[x.k])).ToList();
        if (!anonymous) topics.Insert(0, evt.Topic0);
        return (evt, values, [.. topics]);
    }

    private static int IndexedOrdinal(AbiEvent evt, int position) => evt.Parameters.Take(position).Count(p => p.Indexed);

    // Nethereum leaves a hashed topic as it came: hex text, or bytes.
    private static byte[] TopicBytes(object? result) => result switch
    {
        string text => Hex.Decode(text),
        byte[] bytes => bytes,
        _ => throw new InvalidOperationException($"Nethereum gave {result?.GetType().Name} for a hashed topic"),
    };
}

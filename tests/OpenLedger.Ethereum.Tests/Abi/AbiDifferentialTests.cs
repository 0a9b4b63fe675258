using System.Text.Json.Nodes;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.TestSupport;

namespace OpenLedger.Ethereum.Tests.Abi;

// ethers v6 is the reference: same bytes for the same values, same values from the same bytes.
public class AbiDifferentialTests
{
    private const string Oracle = "tests/OpenLedger.Ethereum.Tests/oracle/abi.js";

    [Fact]
    public void Encoding_of_1000_random_nested_types_matches_ethers_and_decodes_back()
    {
        var random = new AbiRandom(20261124);
        var cases = Enumerable.Range(0, 1000).Select(_ =>
        {
            var types = Enumerable.Range(0, 1 + random.Random.Next(4)).Select(_ => random.Type()).ToArray();
            return (types, values: types.Select(random.Value).ToArray());
        }).ToArray();

        var input = new JsonArray([.. cases.Select(c => new JsonObject
        {
            ["kind"] = "encode",
            ["types"] = new JsonArray([.. c.types.Select(t => JsonValue.Create(t.CanonicalName))]),
            ["values"] = AbiJson.Of(c.types, c.values),
        })]);
        var answers = NodeOracle.Run(Oracle, input).AsArray();

        Assert.Equal(cases.Length, answers.Count);
        for (var i = 0; i < cases.Length; i++)
        {
            var (types, values) = cases[i];
            var signature = string.Join(',', types.Select(t => t.CanonicalName));
            var expected = answers[i]!["encoded"]!.GetValue<string>();
            Assert.True(expected == Hex.Encode(AbiEncoder.Encode(types, values)), $"case {i} ({signature}): encoding differs from ethers");
            var decoded = AbiDecoder.Decode(types, Hex.Decode(expected));
            Assert.True(JsonNode.DeepEquals(AbiJson.Of(types, values), AbiJson.Of(types, decoded)), $"case {i} ({signature}): decoding ethers' bytes gave other values");
            Assert.True(JsonNode.DeepEquals(answers[i]!["decoded"], AbiJson.Of(types, decoded)), $"case {i} ({signature}): ethers decodes other values");
        }
    }

    [Fact]
    public void Logs_of_300_random_events_decode_as_ethers_decodes_them()
    {
        var random = new AbiRandom(7);
        var cases = Enumerable.Range(0, 300).Select(_ =>
        {
            var anonymous = random.Random.Next(5) == 0;
            var indexedLeft = anonymous ? 4 : 3;
            var parameters = Enumerable.Range(0, 1 + random.Random.Next(6)).Select(i =>
            {
                var indexed = indexedLeft > 0 && random.Random.Next(2) == 0;
                if (indexed) indexedLeft--;
                return new AbiParameter($"p{i}", random.Type(2), indexed);
            }).ToArray();
            // Indexed arrays and tuples are only their hash in the topic: the "value" the log carries is that hash.
            var values = parameters.Select(p => p.Indexed && !AbiEvent.IsTopicValue(p.Type) && p.Type.Kind is not (AbiTypeKind.String or AbiTypeKind.Bytes)
                ? new Hash32(random.Bytes(32)) : random.Value(p.Type)).ToArray();
            return (evt: new AbiEvent("E", parameters, anonymous), values);
        }).ToArray();

        var input = new JsonArray([.. cases.Select(c => new JsonObject
        {
            ["kind"] = "event",
            ["anonymous"] = c.evt.Anonymous,
            ["params"] = new JsonArray([.. c.evt.Parameters.Select(p => new JsonObject
            {
                ["type"] = p.Type.CanonicalName,
                ["indexed"] = p.Indexed,
                ["hashTopic"] = p.Indexed && p.Type.Kind is AbiTypeKind.DynamicArray or AbiTypeKind.FixedArray or AbiTypeKind.Tuple,
            })]),
            ["values"] = new JsonArray([.. c.evt.Parameters.Select((p, i) => AbiJson.Of(p.Type, c.values[i]))]),
        })]);
        var answers = NodeOracle.Run(Oracle, input).AsArray();

        for (var i = 0; i < cases.Length; i++)
        {
            var (evt, values) = cases[i];
            var answer = answers[i]!;
            var topics = answer["topics"]!.AsArray().Select(t => Hash32.Parse(t!.GetValue<string>())).ToArray();
            Assert.Equal(answer["topic0"]!.GetValue<string>(), evt.Topic0.ToString());
            var decoded = evt.DecodeLog(topics, Hex.Decode(answer["data"]!.GetValue<string>()));
            var ours = new JsonArray([.. evt.Parameters.Select((p, k) => AbiJson.Of(p.Type, decoded.Values[k]))]);
            Assert.True(JsonNode.DeepEquals(answer["decoded"], ours), $"case {i} ({evt.Signature}): {ours.ToJsonString()} vs ethers {answer["decoded"]!.ToJsonString()}");
            var first = evt.Anonymous ? 0 : 1;
            foreach (var (p, k) in evt.Parameters.Select((p, k) => (p, k)).Where(x => x.p.Indexed))
            {
                if (p.Type.Kind is AbiTypeKind.DynamicArray or AbiTypeKind.FixedArray or AbiTypeKind.Tuple) { first++; continue; }
                Assert.Equal(topics[first++], AbiEvent.EncodeTopic(p.Type, values[k]));
            }
        }
    }

    [Fact]
    public void Custom_errors_of_200_random_shapes_encode_and_decode_as_ethers_does()
    {
        var random = new AbiRandom(99);
        var errors = Enumerable.Range(0, 200).Select(i => new AbiError($"Err{i}",
            [.. Enumerable.Range(0, random.Random.Next(4)).Select(k => new AbiParameter($"a{k}", random.Type(2)))])).ToArray();
        var values = errors.Select(e => e.Inputs.Select(p => random.Value(p.Type)).ToArray()).ToArray();
        var decoder = new RevertDecoder(errors);

        var input = new JsonArray([.. errors.Select((e, i) => new JsonObject
        {
            ["kind"] = "error",
            ["name"] = e.Name,
            ["params"] = new JsonArray([.. e.Inputs.Select(p => new JsonObject { ["type"] = p.Type.CanonicalName })]),
            ["values"] = AbiJson.Of([.. e.Inputs.Select(p => p.Type)], values[i]),
        })]);
        var answers = NodeOracle.Run(Oracle, input).AsArray();

        for (var i = 0; i < errors.Length; i++)
        {
            var data = answers[i]!["data"]!.GetValue<string>();
            Assert.Equal(data, Hex.Encode(errors[i].Encode(values[i])));
            var revert = decoder.Decode(Hex.Decode(data));
            Assert.Equal(answers[i]!["name"]!.GetValue<string>(), revert.ErrorName);
            var types = errors[i].Inputs.Select(p => p.Type).ToArray();
            Assert.True(JsonNode.DeepEquals(answers[i]!["decoded"], AbiJson.Of(types, revert.Arguments)), $"case {i} ({errors[i].Signature})");
        }
    }
}

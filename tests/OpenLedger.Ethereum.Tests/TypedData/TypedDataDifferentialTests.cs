using System.Text.Json.Nodes;
using OpenLedger.Ethereum.TypedData;
using OpenLedger.TestSupport;

namespace OpenLedger.Ethereum.Tests.TypedData;

public class TypedDataDifferentialTests
{
    [Fact]
    public void Hashes_of_1000_random_nested_typed_data_requests_match_ethers()
    {
        var generator = new RandomTypedData(new Random(1007));
        var requests = Enumerable.Range(0, 1000).Select(_ => generator.Next()).ToArray();

        var expected = NodeOracle.Run("tests/OpenLedger.Ethereum.Tests/oracle/typeddata.js",
            new JsonArray(requests.Select(r => r.DeepClone()).ToArray())).AsArray();

        for (var i = 0; i < requests.Length; i++)
        {
            var fromJson = TypedDataRequest.FromJson(requests[i].ToJsonString());
            // Every other case goes through CLR dictionaries and lists instead of JSON elements.
            var data = i % 2 == 0 ? fromJson : new TypedDataRequest
            {
                Domain = fromJson.Domain, Types = fromJson.Types, PrimaryType = fromJson.PrimaryType,
                Message = ToClr(requests[i]["message"]),
            };
            var reference = expected[i]!;
            Assert.Equal(reference["encodeType"]!.GetValue<string>(), TypedDataEncoder.EncodeType(data.PrimaryType, data.Types));
            Assert.Equal(reference["domainSeparator"]!.GetValue<string>(), TypedDataEncoder.DomainSeparator(data).ToString());
            Assert.Equal(reference["structHash"]!.GetValue<string>(), TypedDataEncoder.HashStruct(data.PrimaryType, data.Message, data.Types).ToString());
            Assert.Equal(reference["digest"]!.GetValue<string>(), data.Hash().ToString());
        }
    }

    private static object? ToClr(JsonNode? node) => node switch
    {
        JsonObject obj => obj.ToDictionary(p => p.Key, p => ToClr(p.Value)),
        JsonArray array => array.Select(ToClr).ToList(),
        JsonValue value when value.TryGetValue<bool>(out var b) => b,
        JsonValue value when value.TryGetValue<long>(out var l) => l,
        JsonValue value => value.GetValue<string>(),
        _ => null,
    };
}

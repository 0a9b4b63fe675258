using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Attribution.Merkle;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.TestSupport;

namespace OpenLedger.Attribution.Tests;

public class MerkleTreeDifferentialTests
{
    private const string Oracle = "tests/OpenLedger.Attribution.Tests/oracle/oz-merkle.js";
    private static readonly string[] Standard = ["address", "uint256", "uint256"];

    [Fact]
    public void Roots_proofs_and_leaves_match_openzeppelin_merkle_tree_for_sizes_up_to_ten_thousand()
    {
        var random = new Random(20260101);
        var cases = new[] { 1, 2, 3, 7, 100, 1000, 10000 }.Select(size => Enumerable.Range(0, size)
            .Select(_ => (IReadOnlyList<object>)[TestData.RandomAddress(random), TestData.RandomUint(random, 32), TestData.RandomUint(random, 12)])
            .ToArray()).ToArray();
        var expected = RunOracle(cases.Select(values => (Standard, values)).ToArray(), sampleAbove: 1000, random);
        for (var c = 0; c < cases.Length; c++) AssertSameTree(cases[c], Standard, expected[c]!);
    }

    [Fact]
    public void Every_static_leaf_type_is_encoded_as_openzeppelin_encodes_it()
    {
        string[] types = ["bool", "bytes32", "uint8", "int256", "address", "bytes4", "int64", "uint256"];
        var random = new Random(7);
        var values = Enumerable.Range(0, 25).Select(i => (IReadOnlyList<object>)
        [
            i % 2 == 0, TestData.HashOf(i), new BigInteger(random.Next(256)), (i % 3 == 0 ? -1 : 1) * TestData.RandomUint(random, 31),
            TestData.RandomAddress(random), new byte[] { 1, 2, 3, (byte)i }, new BigInteger(-random.NextInt64()), TestData.RandomUint(random, 32),
        ]).ToArray();
        var expected = RunOracle([(types, values)]);
        AssertSameTree(values, types, expected[0]!);
    }

    [Fact]
    public void Identical_leaves_keep_their_value_order_as_openzeppelin_does()
    {
        var a = TestData.AddressOf(1);
        IReadOnlyList<object>[] values = [[a, BigInteger.One, BigInteger.One], [a, BigInteger.One, BigInteger.One], [a, new BigInteger(2), BigInteger.One]];
        var expected = RunOracle([(Standard, values)]);
        AssertSameTree(values, Standard, expected[0]!);
    }

    private static void AssertSameTree(IReadOnlyList<IReadOnlyList<object>> values, string[] types, JsonNode expected)
    {
        var tree = StandardMerkleTree.Of(values, types);
        Assert.Equal(expected["root"]!.GetValue<string>(), tree.Root.ToString());
        var proofs = tree.GetAllProofs();
        var oracleLeaves = expected["leaves"]!.AsObject();
        var sampled = expected["proofs"]!.AsObject().ToArray();
        for (var s = 0; s < sampled.Length; s++)
        {
            var i = int.Parse(sampled[s].Key, CultureInfo.InvariantCulture);
            Assert.Equal(oracleLeaves[sampled[s].Key]!.GetValue<string>(), tree.LeafHash(i).ToString());
            Assert.Equal(sampled[s].Value!.AsArray().Select(p => p!.GetValue<string>()), proofs[i].Select(p => p.ToString()));
        }
        if (expected["tree"] is JsonArray nodes)
        {
            // OpenZeppelin's own node array and value positions: every proof is the sibling path in this array.
            var treeIndex = expected["treeIndex"]!.AsArray().Select(t => t!.GetValue<int>()).ToArray();
            for (var i = 0; i < values.Count; i++)
            {
                var path = new List<string>();
                for (var t = treeIndex[i]; t > 0; t = (t - 1) / 2) path.Add(nodes[t % 2 == 1 ? t + 1 : t - 1]!.GetValue<string>());
                Assert.Equal(path, proofs[i].Select(p => p.ToString()));
                Assert.Equal(nodes[treeIndex[i]]!.GetValue<string>(), tree.LeafHash(i).ToString());
            }
        }
    }

    private static JsonArray RunOracle((string[] Types, IReadOnlyList<object>[] Values)[] cases, int sampleAbove = int.MaxValue, Random? random = null)
    {
        var input = new JsonObject
        {
            ["cases"] = new JsonArray(cases.Select(c => (JsonNode)new JsonObject
            {
                ["types"] = new JsonArray(c.Types.Select(t => (JsonNode)JsonValue.Create(t)).ToArray()),
                ["values"] = new JsonArray(c.Values.Select(row => (JsonNode)new JsonArray(row.Select(ToJson).ToArray())).ToArray()),
                ["dump"] = true,
                ["proofIndices"] = c.Values.Length <= sampleAbove ? null
                    : new JsonArray(Enumerable.Range(0, 200).Select(_ => (JsonNode)JsonValue.Create(random!.Next(c.Values.Length))).Distinct().ToArray()),
            }).ToArray()),
        };
        return NodeOracle.Run(Oracle, input).AsArray();
    }

    private static JsonNode ToJson(object value) => value switch
    {
        bool b => JsonValue.Create(b),
        BigInteger n => JsonValue.Create(n.ToString(CultureInfo.InvariantCulture)),
        Address a => JsonValue.Create(a.ToString()),
        Hash32 h => JsonValue.Create(h.ToString()),
        byte[] bytes => JsonValue.Create(Hex.Encode(bytes)),
        _ => throw new ArgumentException(value.GetType().Name),
    };
}

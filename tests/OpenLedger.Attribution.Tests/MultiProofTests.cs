using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Attribution.Merkle;
using OpenLedger.TestSupport;

namespace OpenLedger.Attribution.Tests;

public class MultiProofTests
{
    private static readonly string[] Standard = ["address", "uint256", "uint256"];

    [Fact]
    public void Multiproofs_match_openzeppelin_and_verify()
    {
        var random = new Random(12);
        var values = Enumerable.Range(0, 57)
            .Select(i => (IReadOnlyList<object>)[TestData.RandomAddress(random), new BigInteger(i + 1), TestData.RandomUint(random, 4)]).ToArray();
        int[][] subsets = [[0], [3, 4], [56, 0, 13, 27], Enumerable.Range(0, 57).ToArray(), [], [10, 11, 12, 40, 41]];
        var input = new JsonObject
        {
            ["cases"] = new JsonArray(new JsonObject
            {
                ["types"] = new JsonArray("address", "uint256", "uint256"),
                ["values"] = new JsonArray(values.Select(row => (JsonNode)new JsonArray(
                    row[0].ToString(), ((BigInteger)row[1]).ToString(CultureInfo.InvariantCulture), ((BigInteger)row[2]).ToString(CultureInfo.InvariantCulture))).ToArray()),
                ["proofIndices"] = new JsonArray(),
                ["multiproofs"] = new JsonArray(subsets.Select(s => (JsonNode)new JsonArray(s.Select(i => (JsonNode)JsonValue.Create(i)).ToArray())).ToArray()),
            }),
        };
        var oz = NodeOracle.Run("tests/OpenLedger.Attribution.Tests/oracle/oz-merkle.js", input)[0]!["multiproofs"]!.AsArray();
        var tree = StandardMerkleTree.Of(values, Standard);
        for (var s = 0; s < subsets.Length; s++)
        {
            var proof = tree.GetMultiProof(subsets[s]);
            Assert.Equal(oz[s]!["leaves"]!.AsArray().Select(x => x!.GetValue<string>()), proof.Leaves.Select(l => l.ToString()));
            Assert.Equal(oz[s]!["proof"]!.AsArray().Select(x => x!.GetValue<string>()), proof.Proof.Select(l => l.ToString()));
            Assert.Equal(oz[s]!["proofFlags"]!.AsArray().Select(x => x!.GetValue<bool>()), proof.ProofFlags);
            Assert.True(proof.Verify(tree.Root));
            Assert.Equal(proof.ValueIndexes.Select(tree.LeafHash), proof.Leaves);
        }
    }

    [Fact]
    public void A_tampered_multiproof_does_not_verify()
    {
        var values = Enumerable.Range(0, 9).Select(i => (IReadOnlyList<object>)[TestData.AddressOf(i), new BigInteger(i), BigInteger.One]).ToArray();
        var tree = StandardMerkleTree.Of(values, Standard);
        var proof = tree.GetMultiProof([1, 5]);
        Assert.False((proof with { Leaves = [proof.Leaves[1], tree.LeafHash(7)] }).Verify(tree.Root));
        Assert.False((proof with { ProofFlags = [.. proof.ProofFlags.Skip(1)] }).Verify(tree.Root));
    }

    [Fact]
    public void Proving_the_same_value_twice_is_rejected()
    {
        var tree = StandardMerkleTree.Of([[TestData.AddressOf(1), BigInteger.One, BigInteger.One], [TestData.AddressOf(2), BigInteger.One, BigInteger.One]], Standard);
        Assert.Contains("same value twice", Assert.Throws<AttributionException>(() => tree.GetMultiProof([1, 1])).Message);
    }
}

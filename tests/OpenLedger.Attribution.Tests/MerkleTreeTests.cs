using System.Numerics;
using OpenLedger.Attribution.Merkle;

namespace OpenLedger.Attribution.Tests;

public class MerkleTreeTests
{
    private static readonly string[] Standard = ["address", "uint256", "uint256"];

    [Fact]
    public void Every_proof_verifies_against_the_root_and_fails_for_another_leaf()
    {
        var values = Enumerable.Range(0, 37)
            .Select(i => (IReadOnlyList<object>)[TestData.AddressOf(i), new BigInteger(i * 1000), new BigInteger(i)]).ToArray();
        var tree = StandardMerkleTree.Of(values, Standard);
        for (var i = 0; i < values.Length; i++)
        {
            Assert.True(StandardMerkleTree.Verify(tree.Root, tree.LeafHash(i), tree.GetProof(i)));
            Assert.False(StandardMerkleTree.Verify(tree.Root, tree.LeafHash((i + 1) % values.Length), tree.GetProof(i)));
        }
    }

    [Fact]
    public void Leaf_hash_of_a_row_equals_the_trees_leaf_hash()
    {
        IReadOnlyList<object>[] values = [[TestData.AddressOf(1), BigInteger.One, BigInteger.Zero], [TestData.AddressOf(2), BigInteger.One, BigInteger.One]];
        var tree = StandardMerkleTree.Of(values, Standard);
        Assert.Equal(tree.LeafHash(1), StandardMerkleTree.HashLeaf(values[1], Standard));
    }

    [Theory]
    [InlineData("string", "not supported")]
    [InlineData("uint", "must name its width")]
    [InlineData("uint7", "not supported")]
    [InlineData("uint264", "not supported")]
    [InlineData("bytes33", "not supported")]
    [InlineData("bytes", "not supported")]
    public void Unsupported_leaf_types_are_rejected(string type, string message)
    {
        var e = Assert.Throws<AttributionException>(() => StandardMerkleTree.Of([[BigInteger.One]], [type]));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_value_out_of_its_types_range_is_rejected()
    {
        var e = Assert.Throws<AttributionException>(() => StandardMerkleTree.Of([[new BigInteger(256)]], ["uint8"]));
        Assert.Contains("uint8 leaf value must be in [0, 255] but is 256", e.Message);
        Assert.Throws<AttributionException>(() => StandardMerkleTree.Of([[BigInteger.MinusOne]], ["uint256"]));
    }

    [Fact]
    public void A_value_of_the_wrong_kind_or_row_length_is_rejected()
    {
        Assert.Contains("must be an Address", Assert.Throws<AttributionException>(() => StandardMerkleTree.Of([[BigInteger.One, BigInteger.One, BigInteger.One]], Standard)).Message);
        Assert.Contains("must have 3 values", Assert.Throws<AttributionException>(() => StandardMerkleTree.Of([[TestData.AddressOf(1)]], Standard)).Message);
        Assert.Contains("must be 4 bytes but is 3", Assert.Throws<AttributionException>(() => StandardMerkleTree.Of([[new byte[3]]], ["bytes4"])).Message);
    }

    [Fact]
    public void An_empty_tree_is_rejected()
    {
        Assert.Contains("at least one leaf", Assert.Throws<AttributionException>(() => StandardMerkleTree.Of([], Standard)).Message);
    }

    [Fact]
    public void A_proof_for_a_value_index_out_of_range_is_rejected()
    {
        var tree = StandardMerkleTree.Of([[TestData.AddressOf(1), BigInteger.One, BigInteger.One]], Standard);
        Assert.Contains("must be in [0, 1) but is 1", Assert.Throws<AttributionException>(() => tree.GetProof(1)).Message);
    }
}

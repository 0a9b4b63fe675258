using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Attribution.Merkle;
using OpenLedger.Attribution.Rewards;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.TestSupport;

namespace OpenLedger.Attribution.Tests;

public class ClaimTreeTests
{
    private static (Address Account, BigInteger Open, BigInteger Shares)[] Claims(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => TestData.RandomAddress(random)).Distinct().Order()
            .Select(a => (a, TestData.RandomUint(random, 32), random.Next(0, 3) == 0 ? BigInteger.Zero : TestData.RandomUint(random, 12)))];
    }

    private static JsonNode Reference((Address Account, BigInteger Open, BigInteger Shares)[] claims) =>
        NodeOracle.Run("tests/OpenLedger.Attribution.Tests/oracle/oz-merkle.js", new JsonObject
        {
            ["cases"] = new JsonArray(new JsonObject
            {
                ["types"] = new JsonArray("uint256", "address", "uint256", "uint256"),
                ["values"] = new JsonArray([.. claims.Select((c, i) => (JsonNode)new JsonArray(i.ToString(CultureInfo.InvariantCulture),
                    c.Account.ToString(), c.Open.ToString(CultureInfo.InvariantCulture), c.Shares.ToString(CultureInfo.InvariantCulture)))]),
            }),
        })[0]!;

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(7, 3)]
    [InlineData(64, 4)]
    [InlineData(301, 5)]
    public void Root_leaves_and_every_proof_equal_openzeppelin_over_index_account_open_shares(int count, int seed)
    {
        var claims = Claims(count, seed);
        var tree = ClaimTree.Of(claims);
        var oz = Reference(claims);
        Assert.Equal(oz["root"]!.GetValue<string>(), tree.Root.ToString());
        for (var i = 0; i < claims.Length; i++)
        {
            var key = i.ToString(CultureInfo.InvariantCulture);
            Assert.Equal(oz["proofs"]![key]!.AsArray().Select(p => p!.GetValue<string>()), tree.GetProof(i).Select(p => p.ToString()));
            var leaf = ClaimTree.Leaf(i, claims[i].Account, claims[i].Open, claims[i].Shares);
            Assert.Equal(oz["leaves"]![key]!.GetValue<string>(), leaf.ToString());
            Assert.True(StandardMerkleTree.Verify(tree.Root, leaf, tree.GetProof(i)));
        }
    }

    [Fact]
    public void The_index_is_part_of_the_leaf_so_a_proof_does_not_verify_at_another_index()
    {
        var claims = Claims(8, 6);
        var tree = ClaimTree.Of(claims);
        var (account, open, shares) = claims[3];
        Assert.True(StandardMerkleTree.Verify(tree.Root, ClaimTree.Leaf(3, account, open, shares), tree.GetProof(3)));
        Assert.False(StandardMerkleTree.Verify(tree.Root, ClaimTree.Leaf(4, account, open, shares), tree.GetProof(3)));
    }

    [Fact]
    public void Claims_out_of_ascending_address_order_are_rejected_naming_both_accounts()
    {
        var claims = Claims(3, 7);
        (claims[1], claims[2]) = (claims[2], claims[1]);
        var e = Assert.Throws<AttributionException>(() => ClaimTree.Of(claims));
        Assert.Equal($"Claim 2 must have an account above claim 1's ({claims[1].Account}) since claims are in strictly ascending address order, but has {claims[2].Account}", e.Message);
    }

    [Fact]
    public void The_same_account_twice_is_rejected()
    {
        var claims = Claims(2, 8);
        claims[1] = claims[0] with { Open = 5 };
        var e = Assert.Throws<AttributionException>(() => ClaimTree.Of(claims));
        Assert.StartsWith("Claim 1 must have an account above claim 0's", e.Message);
    }

    [Fact]
    public void No_claims_is_rejected_because_a_tree_needs_a_leaf()
    {
        var e = Assert.Throws<AttributionException>(() => ClaimTree.Of([]));
        Assert.Equal("A Merkle tree needs at least one leaf but got none", e.Message);
    }

    [Fact]
    public void A_negative_amount_is_rejected_as_out_of_uint256_range()
    {
        var claims = Claims(1, 9);
        claims[0] = claims[0] with { Shares = -1 };
        var e = Assert.Throws<AttributionException>(() => ClaimTree.Of(claims));
        Assert.StartsWith("A uint256 leaf value must be in [0, ", e.Message);
    }
}

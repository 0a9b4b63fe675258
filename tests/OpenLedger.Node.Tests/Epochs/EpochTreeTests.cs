using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Attribution;
using OpenLedger.Attribution.Reports;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Node.Epochs;
using OpenLedger.TestSupport;

namespace OpenLedger.Node.Tests.Epochs;

public sealed class EpochTreeTests
{
    private static Distribution DistributionOf(int accounts, int seed)
    {
        var random = new Random(seed);
        var allocations = Enumerable.Range(0, accounts)
            .Select(i => Address.Parse("0x" + Convert.ToHexString(Keccak.Hash($"account-{seed}-{i}").AsSpan()[..20]).ToLowerInvariant()))
            .Order()
            .Select(a => new Allocation(a, new BigInteger(random.NextInt64(1, long.MaxValue)) * 1_000_003, random.Next(0, 1000), 1.0, false, []))
            .ToArray();
        return new Distribution(1, 1, "scores", Distribution.StandardLeafTypes, null, 0, 0,
            allocations.Aggregate(BigInteger.Zero, (s, a) => s + a.Open), allocations.Aggregate(BigInteger.Zero, (s, a) => s + a.Shares),
            allocations, [], [], []);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(7, 3)]
    [InlineData(64, 4)]
    [InlineData(301, 5)]
    public void Root_and_every_proof_equal_openzeppelin_merkle_tree_over_index_account_open_shares(int accounts, int seed)
    {
        var tree = EpochTree.Of(DistributionOf(accounts, seed))!;
        var input = new JsonObject
        {
            ["leaves"] = new JsonArray([.. tree.Leaves.Select(l => (JsonNode)new JsonArray(
                l.Index.ToString(), l.Account.ToString(), l.Open.ToString(), l.Shares.ToString()))]),
        };
        var reference = NodeOracle.Run("tests/OpenLedger.Node.Tests/oracle/epoch-tree.js", input);
        Assert.Equal(reference["root"]!.GetValue<string>(), tree.Root.ToString());
        for (var i = 0; i < tree.Leaves.Count; i++)
            Assert.Equal(reference["proofs"]![i]!.AsArray().Select(p => p!.GetValue<string>()), tree.Leaves[i].Proof.Select(p => p.ToString()));
    }

    [Fact]
    public void Leaf_index_is_the_allocation_position_so_accounts_are_in_ascending_address_order()
    {
        var tree = EpochTree.Of(DistributionOf(10, 9))!;
        Assert.Equal(Enumerable.Range(0, 10), tree.Leaves.Select(l => l.Index));
        Assert.Equal(tree.Leaves.Select(l => l.Account).Order(), tree.Leaves.Select(l => l.Account));
    }

    [Fact]
    public void Distribution_allocating_nothing_has_no_tree()
    {
        var empty = new Distribution(1, 1, "scores", Distribution.StandardLeafTypes, null, 5, 5, 0, 0, [], [], [], []);
        Assert.Null(EpochTree.Of(empty));
    }

    [Fact]
    public void Same_report_bytes_give_the_same_distribution_bytes_and_hash()
    {
        var report = File.ReadAllBytes(RepoPaths.Combine("examples", "performance-report.example.json"));
        var a = EpochComputation.Compute(report);
        var b = EpochComputation.Compute(report.ToArray());
        Assert.Equal(a.DistributionBytes, b.DistributionBytes);
        Assert.Equal(Keccak.Hash(report), a.ReportHash);
        Assert.Equal(Keccak.Hash(a.DistributionBytes), a.DistributionHash);
        var json = JsonNode.Parse(a.DistributionBytes)!;
        Assert.Equal(EpochDistributionJson.Schema, json["schema"]!.GetValue<string>());
        Assert.Equal(["uint256", "address", "uint256", "uint256"], json["leafTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(a.Tree!.Root.ToString(), json["root"]!.GetValue<string>());
    }

    [Fact]
    public void Invalid_report_bytes_throw_the_parsers_exception_listing_the_fields()
    {
        var e = Assert.Throws<ReportValidationException>(() => EpochComputation.Compute("{\"schema\":\"openledger.performance-report/v1\"}"u8.ToArray()));
        Assert.Contains(e.Problems, p => p.Path == "modelId");
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using OpenLedger.Attribution.Reports;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Node.Epochs;
using OpenLedger.TestSupport;

namespace OpenLedger.Node.Tests.Epochs;

public sealed class EpochDistributionTests
{
    private static byte[] Example() => File.ReadAllBytes(RepoPaths.Combine("examples", "performance-report.example.json"));

    /// <summary>
    /// A "scores" report of <paramref name="contributions"/> contributions from about three quarters as many accounts
    /// (so some accounts sum several), a few with negative values, and budgets that do not divide evenly.
    /// </summary>
    private static byte[] Generated(int contributions, int seed)
    {
        var entries = new JsonArray();
        var scores = new JsonArray();
        for (var i = 0; i < contributions; i++)
        {
            var id = (1000 * seed + i + 1).ToString(CultureInfo.InvariantCulture);
            entries.Add(new JsonObject
            {
                ["id"] = id, ["contributor"] = Hex.Encode(Keccak.Hash($"account-{seed}-{i % (contributions - contributions / 4)}").AsSpan()[12..]),
                ["contentHash"] = Keccak.Hash($"content-{seed}-{i}").ToString(), ["registeredAtBlock"] = 100 + i, ["logIndex"] = 0, ["status"] = "active",
            });
            scores.Add(new JsonObject { ["id"] = id, ["value"] = ((i + seed) * 7919 % 1000) / 1000.0 - 0.05 });
        }
        var report = new JsonObject
        {
            ["schema"] = "openledger.performance-report/v1", ["modelId"] = "7", ["epoch"] = 3,
            ["evaluation"] = new JsonObject { ["metric"] = "accuracy", ["score"] = 0.9, ["baseline"] = 0.5, ["testSetHash"] = Keccak.Hash("t").ToString() },
            ["contributions"] = entries,
            ["attribution"] = new JsonObject { ["method"] = "scores", ["parameters"] = new JsonObject(), ["evidence"] = new JsonObject { ["scores"] = scores } },
            ["rewards"] = new JsonObject { ["open"] = "1000000000000000000000", ["shares"] = "123456789012345678901" },
        };
        return System.Text.Encoding.UTF8.GetBytes(report.ToJsonString());
    }

    private static byte[] Report(int contributions, int seed) => contributions == 0 ? Example() : Generated(contributions, seed);

    // Roots recorded from the node's own EpochTree (commit 389378d) before the tree moved into the attribution library,
    // and the keccak256 of the openledger.epoch-distribution/v2 bytes (v2 gave flag candidates their reasons; the
    // roots did not move): the posted root and the stored distribution (every leaf, proof, value and outcome) must not
    // change for the same report.
    [Theory]
    [InlineData(0, 0, 3, "0x35d23ad9be8a798f2d1a6f7d801f68754e1dc6ac0d700672f94a51b0cfdc56ed", "0xde6b93311b2e3f97ff136d9eb9322d6251f8acb4e0c5fcbfbc075ce422ae7c8c")]
    [InlineData(1, 1, 1, "0xaa7cb66bf8d6f0daad1107c8a6e12009a08742cae68c43bd2012d044e7b2ddbf", "0xc5a77a635842f53790870627b3e448b02636c2ea3790855a152142cc942346ff")]
    [InlineData(2, 2, 2, "0xf45db6f3e461b9f652f03dcb690af0445171f2009c1d87619431cdff10610bb2", "0x91b72a19635f3ca8440a4b1648d0316c70d5e8f35aec750567a0d7e2bad1dc3b")]
    [InlineData(7, 3, 6, "0x7021fdb57150ec2b1b39eb1d0d46ccdaef3abb1b48cc754695e192d5d36b1cc7", "0xd66c36881d5f3ea536746d39156719b82a3c9aff7673b25a086969670f1ed1df")]
    [InlineData(64, 4, 46, "0xf12077f87c7c381b3ebc10e1dcb8ffebc9983b4b76d10f759ae43fb0b548f799", "0xeded0b9c7432e2a1cae16beeaff9570890242fae73624eeefea5477bbce779a7")]
    [InlineData(301, 5, 218, "0x31d52c53dce4423ec87049b5df7a122eab126ffa3183d95b7501d937e70c3664", "0x49d0bf2feb1efbc1951f79e63089c209d0aecd7be9f7d1172c862f4add10ff47")]
    public void Root_and_distribution_bytes_are_those_the_node_posted_before_and_equal_openzeppelin_over_index_account_open_shares(
        int contributions, int seed, int leaves, string root, string distributionHash)
    {
        var computed = EpochComputation.Compute(Report(contributions, seed));
        var allocations = computed.Distribution.Allocations;
        Assert.Equal(leaves, allocations.Count);
        Assert.Equal(root, computed.Root.ToString());
        Assert.Equal(distributionHash, computed.DistributionHash.ToString());

        var reference = NodeOracle.Run("tests/OpenLedger.Node.Tests/oracle/epoch-tree.js", new JsonObject
        {
            ["leaves"] = new JsonArray([.. allocations.Select(a => (JsonNode)new JsonArray(
                a.Index.ToString(CultureInfo.InvariantCulture), a.Account.ToString(), a.Open.ToString(CultureInfo.InvariantCulture), a.Shares.ToString(CultureInfo.InvariantCulture)))]),
        });
        Assert.Equal(reference["root"]!.GetValue<string>(), computed.Root.ToString());
        for (var i = 0; i < allocations.Count; i++)
            Assert.Equal(reference["proofs"]![i]!.AsArray().Select(p => p!.GetValue<string>()), allocations[i].Proof.Select(p => p.ToString()));
    }

    [Fact]
    public void Leaf_index_is_the_allocation_position_so_accounts_are_in_ascending_address_order()
    {
        var allocations = EpochComputation.Compute(Generated(64, 4)).Distribution.Allocations;
        Assert.Equal(Enumerable.Range(0, allocations.Count), allocations.Select(a => a.Index));
        Assert.Equal(allocations.Select(a => a.Account).Order(), allocations.Select(a => a.Account));
        var json = JsonNode.Parse(EpochComputation.Compute(Generated(64, 4)).DistributionBytes)!;
        Assert.Equal(allocations.Select(a => a.Index), json["leaves"]!.AsArray().Select(l => l!["index"]!.GetValue<int>()));
    }

    [Fact]
    public void Report_allocating_nothing_has_no_root_and_no_distribution_bytes()
    {
        var json = JsonNode.Parse(Example())!;
        json["rewards"]!["open"] = "0";
        json["rewards"]!["shares"] = "0";
        var computed = EpochComputation.Compute(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()));
        Assert.Null(computed.Root);
        Assert.Empty(computed.Distribution.Allocations);
        Assert.Empty(computed.DistributionBytes);
        var e = Assert.Throws<ArgumentException>(() => EpochDistributionJson.ToCanonicalJson(computed.ReportHash, computed.Distribution));
        Assert.StartsWith("An epoch distribution needs a root, but model 7 epoch 3 allocates nothing", e.Message);
    }

    [Fact]
    public void Same_report_bytes_give_the_same_distribution_bytes_and_hash()
    {
        var report = Example();
        var a = EpochComputation.Compute(report);
        var b = EpochComputation.Compute(report.ToArray());
        Assert.Equal(a.DistributionBytes, b.DistributionBytes);
        Assert.Equal(Keccak.Hash(report), a.ReportHash);
        Assert.Equal(Keccak.Hash(a.DistributionBytes), a.DistributionHash);
        var json = JsonNode.Parse(a.DistributionBytes)!;
        Assert.Equal(EpochDistributionJson.Schema, json["schema"]!.GetValue<string>());
        Assert.Equal(["uint256", "address", "uint256", "uint256"], json["leafTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(a.Root.ToString(), json["root"]!.GetValue<string>());
    }

    [Fact]
    public void Flag_candidates_are_served_with_their_reason()
    {
        var report = JsonNode.Parse(Generated(64, 4))!;
        report["rewards"]!["flagThreshold"] = 0.0;
        var computed = EpochComputation.Compute(System.Text.Encoding.UTF8.GetBytes(report.ToJsonString()));
        Assert.NotEmpty(computed.Distribution.FlagCandidates);
        var served = JsonNode.Parse(computed.DistributionBytes)!["flagCandidates"]!.AsArray();
        Assert.Equal(computed.Distribution.FlagCandidates.Select(f => f.Id.ToString(CultureInfo.InvariantCulture)), served.Select(f => f!["id"]!.GetValue<string>()));
        Assert.All(served, f => Assert.StartsWith("value -", f!["reason"]!.GetValue<string>()));
    }

    [Fact]
    public void Invalid_report_bytes_throw_the_parsers_exception_listing_the_fields()
    {
        var e = Assert.Throws<ReportValidationException>(() => EpochComputation.Compute("{\"schema\":\"openledger.performance-report/v1\"}"u8.ToArray()));
        Assert.Contains(e.Problems, p => p.Path == "modelId");
    }
}

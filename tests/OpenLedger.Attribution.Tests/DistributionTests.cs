using System.Globalization;
using System.Text.Json.Nodes;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.TestSupport;

namespace OpenLedger.Attribution.Tests;

public class DistributionTests
{
    // Produced from examples/performance-report.example.json (by the node's former EpochTree, which posted it, and
    // now by this library), and re-derived below by @openzeppelin/merkle-tree from the same allocations over the
    // contract's leaf (index, account, open, shares): a change to the values, the split or the tree shows up here,
    // and the golden cannot drift from what OpenZeppelin computes.
    private const string ExampleRoot = "0x35d23ad9be8a798f2d1a6f7d801f68754e1dc6ac0d700672f94a51b0cfdc56ed";

    [Fact]
    public void The_example_reports_root_is_the_golden_root_and_openzeppelin_builds_the_same_tree_from_its_allocations()
    {
        var d = ReportJson.Distribute(ReportJson.Example());
        Assert.Equal(ExampleRoot, d.MerkleRoot.ToString());
        var input = new JsonObject
        {
            ["cases"] = new JsonArray(new JsonObject
            {
                ["types"] = new JsonArray("uint256", "address", "uint256", "uint256"),
                ["values"] = new JsonArray(d.Allocations.Select(a => (JsonNode)new JsonArray(
                    a.Index.ToString(CultureInfo.InvariantCulture), a.Account.ToString(), a.Open.ToString(CultureInfo.InvariantCulture), a.Shares.ToString(CultureInfo.InvariantCulture))).ToArray()),
            }),
        };
        var oz = NodeOracle.Run("tests/OpenLedger.Attribution.Tests/oracle/oz-merkle.js", input)[0]!;
        Assert.Equal(oz["root"]!.GetValue<string>(), d.MerkleRoot.ToString());
        Assert.Equal(Enumerable.Range(0, d.Allocations.Count), d.Allocations.Select(a => a.Index));
        Assert.Equal(d.Allocations.Select(a => a.Account).Order(), d.Allocations.Select(a => a.Account));
        for (var i = 0; i < d.Allocations.Count; i++)
            Assert.Equal(oz["proofs"]![i.ToString(CultureInfo.InvariantCulture)]!.AsArray().Select(p => p!.GetValue<string>()), d.Allocations[i].Proof.Select(p => p.ToString()));
    }

    [Fact]
    public void The_example_credits_the_original_excludes_the_copy_and_the_slashed_contribution()
    {
        var d = ReportJson.Distribute(ReportJson.Example());
        var duplicate = Assert.Single(d.ExcludedDuplicates);
        Assert.Equal(4, (int)duplicate.Id);
        Assert.Equal(1, (int)duplicate.OriginalId);
        Assert.Equal(ContributionOutcome.Slashed, d.Contributions.Single(c => c.Id == 5).Outcome);
        Assert.Equal(ContributionOutcome.Credited, d.Contributions.Single(c => c.Id == 3).Outcome);
        Assert.DoesNotContain(d.Allocations, a => a.Account == Address.Parse("0x90f79bf6eb2c4f870365e785982e1f101e93b906"));
        Assert.Equal(d.BudgetOpen, d.TotalOpen);
        Assert.Equal(d.BudgetShares, d.TotalShares);
    }

    [Fact]
    public void The_same_report_gives_the_same_bytes_and_content_hash_every_time()
    {
        var text = File.ReadAllText(RepoPaths.Combine(ReportJson.ExamplePath));
        var first = AttributionEngine.Distribute(Reports.PerformanceReportParser.Parse(text));
        var second = AttributionEngine.Distribute(Reports.PerformanceReportParser.Parse(text));
        var bytes = DistributionJson.ToCanonicalJson(first);
        Assert.Equal(bytes, DistributionJson.ToCanonicalJson(second));
        Assert.Equal(Keccak.Hash(bytes), first.ContentHash());
        Assert.Equal(first.ContentHash(), second.ContentHash());
    }

    [Fact]
    public void The_order_of_contributions_in_the_report_does_not_change_the_distribution()
    {
        var json = ReportJson.Example();
        var reversed = new JsonArray(json["contributions"]!.AsArray().Reverse().Select(c => c!.DeepClone()).ToArray());
        var original = ReportJson.Distribute(json);
        json["contributions"] = reversed;
        Assert.Equal(original.ContentHash(), ReportJson.Distribute(json).ContentHash());
    }

    [Fact]
    public void The_canonical_json_carries_every_part_of_the_distribution()
    {
        var d = ReportJson.Distribute(ReportJson.Example());
        var json = JsonNode.Parse(DistributionJson.ToCanonicalJson(d))!;
        Assert.Equal(DistributionJson.Schema, json["schema"]!.GetValue<string>());
        Assert.Equal(d.MerkleRoot.ToString(), json["merkleRoot"]!.GetValue<string>());
        Assert.Equal(["uint256", "address", "uint256", "uint256"], json["leafTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(d.Allocations.Count, json["allocations"]!.AsArray().Count);
        Assert.Equal(1, json["allocations"]![1]!["index"]!.GetValue<int>());
        Assert.Equal(d.Allocations[0].Open.ToString(CultureInfo.InvariantCulture), json["allocations"]![0]!["open"]!.GetValue<string>());
        Assert.Equal(d.Allocations[0].Value, json["allocations"]![0]!["value"]!.GetValue<double>());
        Assert.Equal("4", json["excludedDuplicates"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(5, json["contributions"]!.AsArray().Count);
    }

    [Fact]
    public void Evidence_sampled_with_the_same_seed_gives_the_same_distribution_and_another_epochs_seed_a_different_root()
    {
        var game = Games.Airport(TestData.Ids(6).ToDictionary(id => id, id => (double)(int)id));
        Distribution Run(ulong epoch)
        {
            var seed = Sampling.SamplingSeed.Derive(7, epoch, TestData.HashOf(99));
            var json = ReportJson.Around(new Reports.AttributionSpec("tmc-shapley",
                Sampling.TmcShapleySampler.Generate(TestData.Ids(6), game, seed, 200, 0.001)), [1, 2, 3, 4, 5, 6], open: "1000000000000000000000");
            json["epoch"] = epoch;
            return ReportJson.Distribute(json);
        }
        Assert.Equal(Run(1).ContentHash(), Run(1).ContentHash());
        Assert.NotEqual(Run(1).MerkleRoot, Run(2).MerkleRoot);
    }

    [Fact]
    public void The_validation_message_counts_and_lists_the_problems()
    {
        var json = ReportJson.Example();
        json["epoch"] = -1;
        json["rewards"]!["open"] = "x";
        var e = Assert.Throws<Reports.ReportValidationException>(() => ReportJson.Parse(json));
        Assert.StartsWith("The performance report is invalid (2 problems):", e.Message);
        Assert.Contains("  epoch: must not be negative but is -1", e.Message);
    }

    [Fact]
    public void A_separate_process_computes_the_same_root_and_content_hash()
    {
        var local = ReportJson.Distribute(ReportJson.Example());
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet", [typeof(DeterminismProbe).Assembly.Location, "distribute", RepoPaths.Combine(ReportJson.ExamplePath)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        var error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the probe process did not finish");
        Assert.True(process.ExitCode == 0, error);
        Assert.Equal($"{local.MerkleRoot} {local.ContentHash()}", output);
    }
}

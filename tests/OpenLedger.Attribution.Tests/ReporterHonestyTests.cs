using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Reports;
using OpenLedger.Attribution.Sampling;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Attribution.Tests;

/// <summary>
/// Sampled evidence is reproducible from a seed the reporter cannot choose (docs/attribution.md, "Reporter honesty"):
/// the seed is derived from the report, and the orders/coalitions must be the ones it draws.
/// </summary>
public class ReporterHonestyTests
{
    private static readonly Func<IReadOnlyList<BigInteger>, double> Game = Games.Airport(TestData.Ids(6).ToDictionary(id => id, id => (double)(int)id));

    private static JsonObject TmcReport(ulong seed, int permutations = 40) =>
        ReportJson.Around(new AttributionSpec("tmc-shapley", TmcShapleySampler.Generate(TestData.Ids(6), Game, seed, permutations, 0.001)), [1, 2, 3, 4, 5, 6]);

    private static JsonObject BanzhafReport(ulong seed, int samples = 60) =>
        ReportJson.Around(new AttributionSpec("banzhaf", BanzhafSampler.Generate(TestData.Ids(6), Game, seed, samples)), [1, 2, 3, 4, 5, 6]);

    private static ReportValidationException Refused(JsonObject json) => Assert.Throws<ReportValidationException>(() => ReportJson.Parse(json));

    [Fact]
    public void The_seed_is_the_top_53_bits_of_keccak_of_the_abi_encoded_model_epoch_and_test_set_hash()
    {
        // Computed with ethers v6: keccak256(AbiCoder.encode(["uint256","uint256","bytes32"], [7, 3, 0x7e…7e])) >> 11 of its top 64 bits.
        Assert.Equal(1172641912204590UL, SamplingSeed.Derive(7, 3, Hash32.Parse("0x" + string.Concat(Enumerable.Repeat("7e", 32)))));
        var seed = SamplingSeed.Derive(7, 1, TestData.HashOf(99));
        Assert.True(seed < 1UL << 53);
        Assert.NotEqual(seed, SamplingSeed.Derive(8, 1, TestData.HashOf(99)));
        Assert.NotEqual(seed, SamplingSeed.Derive(7, 2, TestData.HashOf(99)));
        Assert.NotEqual(seed, SamplingSeed.Derive(7, 1, TestData.HashOf(98)));
    }

    [Fact]
    public void Honest_sampled_evidence_verifies()
    {
        Assert.Equal("tmc-shapley", ReportJson.Parse(TmcReport(ReportJson.Seed)).Attribution.Method);
        Assert.Equal("banzhaf", ReportJson.Parse(BanzhafReport(ReportJson.Seed)).Attribution.Method);
    }

    [Fact]
    public void A_cherry_picked_tmc_seed_is_refused_though_its_permutations_are_consistent_with_it()
    {
        // The reporter tries seeds and keeps the one that pays contribution 1 most: evidence drawn honestly from that seed.
        var best = Enumerable.Range(0, 30).Select(s => (ulong)s)
            .MaxBy(s => new TmcShapley().Compute(TmcShapleySampler.Generate(TestData.Ids(6), Game, s, 40, 0.001), new HashSet<BigInteger>()).Values[1]);
        var e = Refused(TmcReport(best));
        var problem = Assert.Single(e.Problems);
        Assert.Equal("attribution.parameters.seed", problem.Path);
        Assert.Contains($"must be {ReportJson.Seed}, the seed derived from modelId, epoch and evaluation.testSetHash", problem.Problem);
        Assert.Contains($"but is {best}", problem.Problem);
    }

    [Fact]
    public void A_cherry_picked_banzhaf_seed_is_refused()
    {
        var e = Refused(BanzhafReport(ReportJson.Seed + 1));
        Assert.Equal("attribution.parameters.seed", Assert.Single(e.Problems).Path);
    }

    [Fact]
    public void Permutations_from_another_seed_under_the_derived_seed_are_refused_at_the_first_one()
    {
        var json = TmcReport(ReportJson.Seed + 1);
        json["attribution"]!["parameters"]!["seed"] = ReportJson.Seed;
        var e = Refused(json);
        var problem = Assert.Single(e.Problems);
        Assert.Equal("attribution.evidence.permutations[0].order", problem.Path);
        Assert.Contains($"is not the permutation seed {ReportJson.Seed} draws", problem.Problem);
    }

    [Fact]
    public void One_replaced_permutation_is_refused_by_its_index()
    {
        var json = TmcReport(ReportJson.Seed);
        var permutations = json["attribution"]!["evidence"]!["permutations"]!.AsArray();
        // A reporter who swaps out one unfavourable permutation for a later draw of the same seed.
        permutations[3] = permutations[39]!.DeepClone();
        var problem = Assert.Single(Refused(json).Problems);
        Assert.Equal("attribution.evidence.permutations[3].order", problem.Path);
    }

    [Fact]
    public void A_dropped_permutation_shifts_the_rest_and_is_refused()
    {
        var json = TmcReport(ReportJson.Seed);
        json["attribution"]!["evidence"]!["permutations"]!.AsArray().RemoveAt(5);
        Assert.Equal("attribution.evidence.permutations[5].order", Assert.Single(Refused(json).Problems).Path);
    }

    [Fact]
    public void One_altered_banzhaf_coalition_is_refused_by_its_index()
    {
        var json = BanzhafReport(ReportJson.Seed);
        var samples = json["attribution"]!["evidence"]!["samples"]!.AsArray();
        var members = samples[7]!["members"]!.AsArray();
        if (members.Count > 0) members.RemoveAt(0);
        else members.Add("1");
        var problem = Assert.Single(Refused(json).Problems);
        Assert.Equal("attribution.evidence.samples[7].members", problem.Path);
        Assert.Contains($"is not the coalition seed {ReportJson.Seed} draws", problem.Problem);
    }

    [Fact]
    public void Banzhaf_members_listed_in_another_order_are_the_same_coalition()
    {
        var json = BanzhafReport(ReportJson.Seed);
        foreach (var sample in json["attribution"]!["evidence"]!["samples"]!.AsArray())
        {
            var members = sample!["members"]!.AsArray();
            var reversed = members.Select(m => m!.DeepClone()).Reverse().ToArray();
            members.Clear();
            foreach (var m in reversed) members.Add(m);
        }
        Assert.Equal("banzhaf", ReportJson.Parse(json).Attribution.Method);
    }

    [Fact]
    public void Banzhaf_players_out_of_ascending_order_are_refused()
    {
        var json = BanzhafReport(ReportJson.Seed);
        var players = json["attribution"]!["evidence"]!["players"]!.AsArray();
        (players[1], players[2]) = (players[2]!.DeepClone(), players[1]!.DeepClone());
        var problem = Assert.Single(Refused(json).Problems);
        Assert.Equal("attribution.evidence.players[2]", problem.Path);
        Assert.Contains("must be in ascending order", problem.Problem);
    }

    [Fact]
    public void The_samplers_draw_over_the_players_in_ascending_order_whatever_order_they_are_given_in()
    {
        var shuffled = new BigInteger[] { 4, 1, 6, 2, 5, 3 };
        var a = TmcShapleySampler.Generate(shuffled, Game, 5, 10, 0);
        var b = TmcShapleySampler.Generate(TestData.Ids(6), Game, 5, 10, 0);
        Assert.Equal(a.Permutations.SelectMany(p => p.Order), b.Permutations.SelectMany(p => p.Order));
        Assert.Equal(TestData.Ids(6), BanzhafSampler.Generate(shuffled, Game, 5, 10).Players);
        Assert.Throws<AttributionException>(() => TmcShapleySampler.Generate([1, 2, 2], Game, 5, 10, 0));
    }
}

using System.Text.Json.Nodes;
using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Reports;

namespace OpenLedger.Attribution.Tests;

public class PerformanceReportParserTests
{
    [Fact]
    public void The_committed_example_report_validates()
    {
        var report = ReportJson.Parse(ReportJson.Example());
        Assert.Equal(PerformanceReport.SchemaV1, report.Schema);
        Assert.Equal(7, (int)report.ModelId);
        Assert.Equal(3UL, report.Epoch);
        Assert.Equal(5, report.Contributions.Count);
        Assert.Equal("knn-shapley", report.Attribution.Method);
        var evidence = Assert.IsType<KnnShapleyEvidence>(report.Attribution.Evidence);
        Assert.Equal(3, evidence.K);
        Assert.Equal(0.6m, report.Rewards.PerContributorCap);
        Assert.Equal(ContributionStatus.Slashed, report.Contributions[4].Status);
    }

    [Fact]
    public void A_missing_method_means_knn_shapley_the_v1_default_so_posted_epochs_still_recompute()
    {
        var json = ReportJson.Example();
        json["attribution"]!.AsObject().Remove("method");
        Assert.Equal(AttributionMethods.Implicit, ReportJson.Parse(json).Attribution.Method);
    }

    public static TheoryData<string, Action<JsonObject>, string, string> ExampleMutations() => new()
    {
        { "unknown schema", j => j["schema"] = "openledger.performance-report/v2", "schema", "must be 'openledger.performance-report/v1' but is 'openledger.performance-report/v2'" },
        { "unknown contribution", j => Item(j, 0)["contribution"] = "42", "attribution.evidence.items[0].contribution", "contribution 42 is not in the report's contributions" },
        { "slashed contribution", j => Item(j, 1)["contribution"] = "5", "attribution.evidence.items[1].contribution", "contribution 5 is slashed" },
        { "another model", j => Contribution(j, 1)["modelId"] = "8", "contributions[1].modelId", "belongs to model 8, not to the report's model 7" },
        { "NaN score", j => j["evaluation"]!["score"] = "NaN", "evaluation.score", "NaN is not a finite number" },
        { "infinite embedding", j => Item(j, 2)["embedding"]!.AsArray()[1] = JsonNode.Parse("1e400"), "attribution.evidence.items[2].embedding[1]", "1e400 is not a finite number" },
        { "budget above pool", j => j["rewards"]!["open"] = "6000000000000000000000", "rewards.open", "exceeds the model's reward pool 5000000000000000000000" },
        { "bad address", j => Contribution(j, 0)["contributor"] = "0x12", "contributions[0].contributor", "must be 0x followed by 40 hex digits" },
        { "bad checksum", j => Contribution(j, 0)["contributor"] = "0xF39fd6e51aad88f6f4ce6ab8827279cfffb92266", "contributions[0].contributor", "invalid EIP-55 checksum" },
        { "bad content hash", j => Contribution(j, 0)["contentHash"] = "0xabc", "contributions[0].contentHash", "bytes32" },
        { "bad test set hash", j => j["evaluation"]!["testSetHash"] = 5, "evaluation.testSetHash", "must be a non-empty string but is the number 5" },
        { "negative budget", j => j["rewards"]!["open"] = "-5", "rewards.open", "must not be negative but is -5" },
        { "budget as number", j => j["rewards"]!["shares"] = 5, "rewards.shares", "must be a decimal string (uint256)" },
        { "budget beyond uint256", j => j["rewards"]!["shares"] = new string('9', 78), "rewards.shares", "must fit in uint256" },
        { "negative block", j => Contribution(j, 0)["registeredAtBlock"] = -1, "contributions[0].registeredAtBlock", "must not be negative but is -1" },
        { "unknown status", j => Contribution(j, 0)["status"] = "paused", "contributions[0].status", "must be one of active, flagged, slashed but is 'paused'" },
        { "duplicate id", j => Contribution(j, 1)["id"] = "1", "contributions[1].id", "contribution 1 is listed twice" },
        { "unknown method", j => j["attribution"]!["method"] = "magic", "attribution.method", "must be one of" },
        { "evidence of another method", j => j["attribution"]!["method"] = "loo", "attribution.evidence.fullUtility", "is required but missing" },
        { "zero k", j => j["attribution"]!["parameters"]!["k"] = 0, "attribution.parameters.k", "must be between 1" },
        { "ragged embedding", j => Item(j, 3)["embedding"] = new JsonArray(1.0), "attribution.evidence.items[3].embedding", "must have 2 numbers like the first embedding but has 1" },
        { "cap above one", j => j["rewards"]!["perContributorCap"] = 1.5, "rewards.perContributorCap", "must be a fraction in (0, 1]" },
        { "missing evaluation", j => j.Remove("evaluation"), "evaluation", "is required but missing" },
        { "epoch as string", j => j["epoch"] = "3", "epoch", "must be a non-negative integer" },
    };

    [Theory]
    [MemberData(nameof(ExampleMutations))]
    public void Invalid_reports_are_rejected_with_the_path_and_the_problem(string _, Action<JsonObject> mutate, string path, string problem)
    {
        var json = ReportJson.Example();
        mutate(json);
        var e = Assert.Throws<ReportValidationException>(() => ReportJson.Parse(json));
        Assert.Contains(e.Problems, p => p.Path == path && p.Problem.Contains(problem, StringComparison.Ordinal));
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void A_nan_coalition_utility_is_named_by_its_path()
    {
        var evidence = ReportJson.AllCoalitions(2, s => s.Count);
        evidence["coalitions"]![3]!["utility"] = "NaN";
        var e = Assert.Throws<ReportValidationException>(() => ReportJson.Parse(ReportJson.With("exact-shapley", null, evidence, [1, 2])));
        Assert.Equal("attribution.evidence.coalitions[3].utility: NaN is not a finite number", Assert.Single(e.Problems).ToString());
    }

    [Fact]
    public void Duplicated_coalitions_are_rejected()
    {
        var evidence = ReportJson.Coalitions([([], 0), ([1], 1), ([2], 1), ([2, 1], 2), ([1, 2], 2)]);
        var e = Assert.Throws<ReportValidationException>(() => ReportJson.Parse(ReportJson.With("exact-shapley", null, evidence, [1, 2])));
        Assert.Contains(e.Problems, p => p.Path == "attribution.evidence.coalitions[4].members" && p.Problem == "duplicates the coalition of coalitions[3]");
    }

    [Fact]
    public void Missing_coalitions_are_rejected()
    {
        var evidence = ReportJson.Coalitions([([], 0), ([1], 1), ([1, 2], 2)]);
        var e = Assert.Throws<ReportValidationException>(() => ReportJson.Parse(ReportJson.With("exact-shapley", null, evidence, [1, 2])));
        Assert.Contains(e.Problems, p => p.Path == "attribution.evidence.coalitions" && p.Problem.Contains("needs all 2^2 = 4 coalitions") && p.Problem.Contains("missing e.g. [2]"));
    }

    [Fact]
    public void A_tmc_permutation_truncated_before_reaching_the_tolerance_is_rejected()
    {
        var evidence = new JsonObject
        {
            ["emptyUtility"] = 0.0,
            ["fullUtility"] = 1.0,
            ["permutations"] = new JsonArray(new JsonObject { ["order"] = new JsonArray("1", "2"), ["utilities"] = new JsonArray(0.5) }),
        };
        var parameters = new JsonObject { ["tolerance"] = 0.1, ["seed"] = 1 };
        var e = Assert.Throws<ReportValidationException>(() => ReportJson.Parse(ReportJson.With("tmc-shapley", parameters, evidence, [1, 2])));
        Assert.Contains(e.Problems, p => p.Path == "attribution.evidence.permutations[0].utilities" && p.Problem.Contains("not within tolerance 0.1"));
    }

    [Fact]
    public void A_banzhaf_sample_member_outside_the_players_is_rejected()
    {
        var evidence = new JsonObject
        {
            ["players"] = new JsonArray("1"),
            ["samples"] = ReportJson.Coalitions([([1], 1), ([], 0), ([2], 3)])["coalitions"]!.DeepClone(),
        };
        var e = Assert.Throws<ReportValidationException>(() => ReportJson.Parse(ReportJson.With("banzhaf", new JsonObject { ["seed"] = 1 }, evidence, [1, 2])));
        Assert.Contains(e.Problems, p => p.Path == "attribution.evidence.samples[2].members[0]" && p.Problem.Contains("is not among attribution.evidence.players"));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var json = ReportJson.Example();
        json["evaluation"]!["score"] = "Infinity";
        json["rewards"]!["open"] = "-1";
        Contribution(json, 2)["contentHash"] = "nope";
        var e = Assert.Throws<ReportValidationException>(() => ReportJson.Parse(json));
        Assert.Equal(["contributions[2].contentHash", "evaluation.score", "rewards.open"], e.Problems.Select(p => p.Path).Order());
    }

    [Theory]
    [InlineData("{", "is not valid JSON")]
    [InlineData("[]", "must be a JSON object but is an array")]
    public void Text_that_is_not_a_report_object_is_rejected(string text, string problem)
    {
        var e = Assert.Throws<ReportValidationException>(() => PerformanceReportParser.Parse(text));
        Assert.Contains(problem, Assert.Single(e.Problems).Problem);
    }

    private static JsonObject Item(JsonObject json, int i) => json["attribution"]!["evidence"]!["items"]![i]!.AsObject();

    private static JsonObject Contribution(JsonObject json, int i) => json["contributions"]![i]!.AsObject();
}

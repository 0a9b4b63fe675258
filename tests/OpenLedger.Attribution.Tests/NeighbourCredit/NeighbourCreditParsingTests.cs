using System.Text.Json.Nodes;
using OpenLedger.Attribution.Reports;

namespace OpenLedger.Attribution.Tests.NeighbourCredit;

public class NeighbourCreditParsingTests
{
    private static JsonObject Report(Action<JsonObject> changeParameters)
    {
        var parameters = new JsonObject { ["k"] = 3, ["duplicateTolerance"] = 0.1, ["neighbourRadius"] = 1.0 };
        changeParameters(parameters);
        var evidence = new JsonObject
        {
            ["items"] = new JsonArray(new JsonObject { ["contribution"] = "1", ["embedding"] = new JsonArray(0.0, 1.0), ["label"] = 0 }),
            ["test"] = new JsonArray(new JsonObject { ["embedding"] = new JsonArray(1.0, 1.0), ["label"] = 0 }),
        };
        return ReportJson.With("neighbour-credit", parameters, evidence, [1]);
    }

    [Theory]
    [InlineData("duplicateTolerance", null, "attribution.parameters.duplicateTolerance", "is required")]
    [InlineData("duplicateTolerance", 0.7, "attribution.parameters.duplicateTolerance", "must be between 0 and 0.5")]
    [InlineData("duplicateTolerance", -0.1, "attribution.parameters.duplicateTolerance", "must be between 0 and 0.5")]
    [InlineData("neighbourRadius", 0.0, "attribution.parameters.neighbourRadius", "must be positive")]
    [InlineData("neighbourRadius", null, "attribution.parameters.neighbourRadius", "is required")]
    [InlineData("harmfulFractionThreshold", 1.5, "attribution.parameters.harmfulFractionThreshold", "must be a fraction in (0, 1]")]
    [InlineData("harmfulConfidenceZ", -1.0, "attribution.parameters.harmfulConfidenceZ", "must be between 0 and 10 (a one-sided z, 1.645 for 95 %) but is -1")]
    [InlineData("harmfulConfidenceZ", 11.0, "attribution.parameters.harmfulConfidenceZ", "must be between 0 and 10")]
    [InlineData("k", 0.0, "attribution.parameters.k", "")]
    public void A_bad_parameter_is_refused_naming_it(string name, double? value, string path, string message)
    {
        var json = Report(p => { if (value is null) p.Remove(name); else p[name] = value; });
        var e = Assert.Throws<ReportValidationException>(() => ReportJson.Parse(json));
        var problem = Assert.Single(e.Problems, p => p.Path == path);
        Assert.Contains(message, problem.Problem);
    }

    [Fact]
    public void Cohort_boundaries_must_ascend()
    {
        var json = Report(p => p["cohortBoundaries"] = new JsonArray(10, 10));
        var e = Assert.Throws<ReportValidationException>(() => ReportJson.Parse(json));
        var problem = Assert.Single(e.Problems);
        Assert.Equal("attribution.parameters.cohortBoundaries[1]", problem.Path);
        Assert.Equal("must be greater than the boundary before it (10) but is 10", problem.Problem);
    }

    [Fact]
    public void A_negative_label_is_refused()
    {
        var json = Report(_ => { });
        json["attribution"]!["evidence"]!["test"]![0]!["label"] = -1;
        var e = Assert.Throws<ReportValidationException>(() => ReportJson.Parse(json));
        Assert.Equal("attribution.evidence.test[0].label", Assert.Single(e.Problems).Path);
    }

    [Fact]
    public void Parameters_round_trip_through_the_attribution_json()
    {
        var json = Report(p => { p["harmfulFractionThreshold"] = 0.2; p["harmfulConfidenceZ"] = 1.645; p["cohortBoundaries"] = new JsonArray(5, 9); });
        var report = ReportJson.Parse(json);
        var again = AttributionJson.ToJson(report.Attribution);
        Assert.Equal(json["attribution"]!["parameters"]!.ToJsonString(), again["parameters"]!.ToJsonString());
    }

    [Fact]
    public void A_report_without_a_confidence_z_keeps_its_bytes_and_compares_the_share_itself()
    {
        var json = Report(p => { p["harmfulFractionThreshold"] = 0.2; p["cohortBoundaries"] = new JsonArray(); });
        var report = ReportJson.Parse(json);
        Assert.Equal(0.0, ((Methods.NeighbourCreditEvidence)report.Attribution.Evidence).HarmfulConfidenceZ);
        Assert.Equal(json["attribution"]!["parameters"]!.ToJsonString(), AttributionJson.ToJson(report.Attribution)["parameters"]!.ToJsonString());
    }
}

public class CohortBoundariesTests
{
    [Fact]
    public void Boundaries_are_the_earlier_epochs_posting_blocks_ascending_without_repeats() =>
        Assert.Equal([12UL, 40UL], Methods.CohortBoundaries.Of([(3, 90), (2, 40), (1, 12), (4, 120)], 3));

    [Fact]
    public void The_first_epoch_has_no_boundary() => Assert.Empty(Methods.CohortBoundaries.Of([(1, 12)], 1));
}

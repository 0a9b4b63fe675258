using OpenLedger.Attribution.Precision;
using OpenLedger.Attribution.Reports;

namespace OpenLedger.Attribution.Tests.Precision;

public class PrecisionPolicyTests
{
    private static PerformanceReport Report(double? lds)
    {
        var report = PerformanceReportParser.Parse(ReportJson.Around(new AttributionSpec("scores",
            new Methods.ScoresEvidence([(1, 0.5), (2, 0.5)])), [1, 2]).ToJsonString());
        return lds is { } score
            ? report with { Precision = new PrecisionSection("knn(k=5)", TestData.HashOf(1), 0, [], score, score - 0.1, Math.Min(1, score + 0.1), 0.95) }
            : report;
    }

    [Theory]
    [InlineData(0.8, 8000)]
    [InlineData(0.95, 8000)]
    [InlineData(-0.5, 0)]
    [InlineData(null, 0)]
    public void A_report_at_or_above_the_minimum_or_a_model_without_one_passes(double? lds, int minimum) =>
        Assert.Null(PrecisionPolicy.Check(Report(lds), 7, minimum));

    [Fact]
    public void A_report_below_the_minimum_is_refused_at_its_lds()
    {
        var problem = PrecisionPolicy.Check(Report(0.79995), 7, 8000)!.Value;
        Assert.Equal("precision.lds", problem.Path);
        Assert.StartsWith("0.8000 is below model 7's minimum precision of LDS 0.8000 (policy minPrecisionBps 8000): ", problem.Problem);
    }

    [Fact]
    public void A_report_without_a_precision_is_refused_when_the_model_requires_one()
    {
        var problem = PrecisionPolicy.Check(Report(null), 7, 1)!.Value;
        Assert.Equal("precision", problem.Path);
        Assert.StartsWith("the report does not measure its precision, but model 7's minimum precision of LDS 0.0001 (policy minPrecisionBps 1) requires it", problem.Problem);
    }
}

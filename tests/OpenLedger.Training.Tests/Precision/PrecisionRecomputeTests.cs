using System.Numerics;
using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Reports;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Training.Datasets;
using OpenLedger.Training.Precision;
using OpenLedger.Training.Tests.Datasets;

namespace OpenLedger.Training.Tests.Precision;

/// <summary>A verifier re-measures a sample of a report's precision subsets from the files and compares.</summary>
public class PrecisionRecomputeTests
{
    private static readonly Hash32 BlockHash = new(Enumerable.Repeat((byte)0x42, 32).ToArray());

    private static (PerformanceReport Report, PreparedDemo Demo) WineReport()
    {
        var demo = DemoReports.PrepareWine(contributors: 6, corruptShard: 2);
        var request = DemoReports.Request(demo) with { CommitmentBlockHash = BlockHash };
        return (PerformanceReportParser.Parse(KnnReportBuilder.Build(request)), demo);
    }

    private static ContributedShard[] Shards(PreparedDemo demo) => [.. demo.Shards.Select(s => DemoReports.Registered(s))];

    [Fact]
    public void An_honest_reports_utilities_re_measure_exactly_on_an_even_sample()
    {
        var (report, demo) = WineReport();
        var utility = KnnPrecision.UtilityFor(report, Shards(demo), demo.Test);
        var result = PrecisionRecompute.Compare(report.Precision!, 20, utility.Measure);
        Assert.Equal(new PrecisionRecomputation(20, 100, 0, 0, 0, null), result);
    }

    [Fact]
    public void Inflated_utilities_are_found_and_their_distance_reported()
    {
        var (report, demo) = WineReport();
        // Subset 10 (in the sample: every 5th of 100) claims 0.25 more accuracy than retraining gives.
        var subsets = report.Precision!.Subsets.Select((s, i) => i == 10 ? s with { Utility = s.Utility + 0.25 } : s).ToArray();
        var tampered = report.Precision with { Subsets = subsets };
        var result = PrecisionRecompute.Compare(tampered, 20, KnnPrecision.UtilityFor(report, Shards(demo), demo.Test).Measure);
        Assert.Equal((20, 1, 10), (result.Sampled, result.Mismatched, result.FirstMismatch));
        Assert.Equal(0.25, result.MaxDifference, 12);
        Assert.Equal(0.25 / 20, result.MeanDifference, 12);
    }

    [Fact]
    public void A_sample_larger_than_the_subsets_re_measures_them_all()
    {
        var (report, demo) = WineReport();
        Assert.Equal(100, PrecisionRecompute.Compare(report.Precision!, 1000, KnnPrecision.UtilityFor(report, Shards(demo), demo.Test).Measure).Sampled);
    }

    [Fact]
    public void Bad_input_is_refused_by_name()
    {
        var (report, demo) = WineReport();
        Assert.Equal("The number of subsets to re-measure must be at least 1 but is 0",
            Assert.Throws<AttributionException>(() => PrecisionRecompute.Compare(report.Precision!, 0, _ => 1)).Message);
        var other = report with { Precision = report.Precision! with { ModelClass = "lightgbm" } };
        Assert.Equal("The report's precision was measured with model class 'lightgbm', which this verifier cannot retrain (it knows knn(k=K))",
            Assert.Throws<AttributionException>(() => KnnPrecision.UtilityFor(other, Shards(demo), demo.Test)).Message);
        var wrongTest = demo.Split.Train;
        Assert.StartsWith("The evaluation file hashes to ",
            Assert.Throws<AttributionException>(() => KnnPrecision.UtilityFor(report, Shards(demo), wrongTest)).Message);
        Assert.StartsWith("1 creditable contribution(s) of the report have no file to retrain on: ",
            Assert.Throws<AttributionException>(() => KnnPrecision.UtilityFor(report, Shards(demo)[1..], demo.Test)).Message);
        Assert.Equal("The report has no precision section to re-measure",
            Assert.Throws<AttributionException>(() => KnnPrecision.UtilityFor(report with { Precision = null }, Shards(demo), demo.Test)).Message);
    }
}

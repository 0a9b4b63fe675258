using System.Numerics;
using System.Text;
using OpenLedger.Attribution.Reports;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Training.Datasets;
using OpenLedger.Training.Precision;
using OpenLedger.Training.Tests.Datasets;
using Xunit.Abstractions;

namespace OpenLedger.Training.Tests.Precision;

/// <summary>The k-NN report's precision: measured with the k-NN classifier retrained on each subset of Wine's shards.</summary>
public class KnnPrecisionTests(ITestOutputHelper output)
{
    private static readonly Hash32 BlockHash = new(Enumerable.Repeat((byte)0x42, 32).ToArray());

    [Theory]
    [InlineData("neighbour-credit")]
    [InlineData("knn-shapley")]
    public void A_wine_report_carries_a_precision_the_engine_recomputes(string method)
    {
        var demo = DemoReports.PrepareWine(contributors: 8, corruptShard: 3);
        var request = DemoReports.Request(demo) with { Method = method, CommitmentBlockHash = BlockHash };
        var json = KnnReportBuilder.Build(request);
        var report = PerformanceReportParser.Parse(json);
        var precision = AttributionEngine.Distribute(report).Precision!;
        output.WriteLine($"{method}: LDS {precision.Lds:F4} [{precision.Lower:F4}, {precision.Upper:F4}] over {precision.Subsets} subsets of {precision.ModelClass}");
        Assert.Equal("knn(k=5)", precision.ModelClass);
        Assert.Equal(100, precision.Subsets);
        Assert.Equal(BlockHash, report.Precision!.CommitmentBlockHash);
        // A mislabelled shard drags accuracy down wherever it is drawn and both methods value it lowest: a clear positive rank correlation.
        Assert.True(precision.Lds > 0.5, $"LDS {precision.Lds}");
        Assert.Equal(json, KnnReportBuilder.Build(request));
    }

    [Fact]
    public void Without_a_commitment_block_hash_the_report_has_no_precision_section()
    {
        var demo = DemoReports.PrepareWine();
        Assert.Null(PerformanceReportParser.Parse(KnnReportBuilder.Build(DemoReports.Request(demo))).Precision);
    }

    [Fact]
    public void A_subsets_utility_is_the_accuracy_of_knn_trained_on_exactly_its_shards()
    {
        var demo = DemoReports.PrepareWine(contributors: 4, corruptShard: null);
        var scaler = Standardizer.Fit(demo.Test);
        var rows = demo.Shards.ToDictionary(s => (BigInteger)(s.Index + 1), s => scaler.Transform(s.Rows));
        var test = scaler.Transform(demo.Test);
        var utility = new KnnSubsetUtility(rows, test, 3);
        var expected = new KnnClassifier(LabelledDataset.Concat([rows[1], rows[3]]), 3).Accuracy(test);
        Assert.Equal(expected, utility.Measure([1, 3]));
        Assert.Equal("knn(k=3)", utility.ModelClass);
        Assert.Equal("Contribution 9 has no rows to train on", Assert.Throws<AttributionException>(() => utility.Measure([1, 9])).Message);
        Assert.Equal("K must be at least 1 but is 0", Assert.Throws<AttributionException>(() => new KnnSubsetUtility(rows, test, 0)).Message);
    }
}

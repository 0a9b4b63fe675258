using System.Text.Json.Nodes;
using OpenLedger.Attribution.Reports;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Training.Datasets;

namespace OpenLedger.Training.Tests.Datasets;

public class ItemEvidenceCheckTests
{
    private static readonly PreparedDemo Demo = DemoReports.PrepareWine();

    private static JsonObject ReportJson(string method = "neighbour-credit") =>
        KnnReportBuilder.BuildJson(DemoReports.Request(Demo) with { Method = method });

    private static PerformanceReport Parse(JsonNode json) => PerformanceReportParser.Parse(json.ToJsonString());

    private static Dictionary<Hash32, LabelledDataset> Files() => Demo.Shards.ToDictionary(s => s.ContentHash, s => s.Rows);

    [Theory]
    [InlineData("neighbour-credit")]
    [InlineData("knn-shapley")]
    public void An_honest_report_s_items_are_its_contributions_files(string method) =>
        Assert.Empty(ItemEvidenceCheck.Check(Parse(ReportJson(method)), Demo.Test, Files()));

    [Fact]
    public void A_moved_item_is_found_by_its_position_and_contribution()
    {
        var json = ReportJson();
        var item = json["attribution"]!["evidence"]!["items"]![7]!;
        item["embedding"]![0] = item["embedding"]![0]!.GetValue<double>() + 1e-9;
        var mismatch = Assert.Single(ItemEvidenceCheck.Check(Parse(json), Demo.Test, Files()));
        Assert.Equal("attribution.evidence.items[7]", mismatch.Field);
        Assert.StartsWith("is not row ", mismatch.Problem);
    }

    [Fact]
    public void A_relabelled_item_is_found()
    {
        var json = ReportJson();
        var item = json["attribution"]!["evidence"]!["items"]![3]!;
        item["label"] = (item["label"]!.GetValue<int>() + 1) % 3;
        Assert.Equal("attribution.evidence.items[3]", Assert.Single(ItemEvidenceCheck.Check(Parse(json), Demo.Test, Files())).Field);
    }

    [Fact]
    public void A_contribution_without_its_file_or_with_other_rows_is_named()
    {
        var files = Files();
        var first = Demo.Shards[0];
        files.Remove(first.ContentHash);
        var missing = Assert.Single(ItemEvidenceCheck.Check(Parse(ReportJson()), Demo.Test, files));
        Assert.Contains($"registered content hash {first.ContentHash}, and no given file hashes to it", missing.Problem);

        files[first.ContentHash] = first.Rows.Select([.. Enumerable.Range(0, first.Rows.Count - 1)]);
        Assert.Contains("items in the report but", Assert.Single(ItemEvidenceCheck.Check(Parse(ReportJson()), Demo.Test, files)).Problem);
    }

    [Fact]
    public void Another_test_file_is_refused_by_its_hash_and_its_points()
    {
        var other = Demo.Test.Select([.. Enumerable.Range(1, Demo.Test.Count - 1)]);
        var mismatches = ItemEvidenceCheck.Check(Parse(ReportJson()), other, Files());
        Assert.Contains(mismatches, m => m.Field == "evaluation.testSetHash");
        Assert.Contains(mismatches, m => m.Field == "attribution.evidence.test");
    }

    [Fact]
    public void A_report_without_items_is_refused_with_the_reason()
    {
        var json = JsonNode.Parse("""
            {"schema":"openledger.performance-report/v1","modelId":"1","epoch":1,
             "evaluation":{"metric":"accuracy","score":0.9,"baseline":0.5,"testSetHash":"0x0000000000000000000000000000000000000000000000000000000000000001"},
             "contributions":[{"id":"1","contributor":"0xa000000000000000000000000000000000000001","contentHash":"0x0000000000000000000000000000000000000000000000000000000000000002","registeredAtBlock":1,"logIndex":0,"status":"active"}],
             "attribution":{"method":"scores","parameters":{},"evidence":{"scores":[{"id":"1","value":1}]}},
             "rewards":{"open":"1","shares":"1"}}
            """)!;
        var e = Assert.Throws<AttributionException>(() => ItemEvidenceCheck.Check(Parse(json), Demo.Test, Files()));
        Assert.StartsWith("Method scores has no items to check against contributed files", e.Message);
    }
}

using System.Numerics;
using OpenLedger.Attribution.Reports;
using OpenLedger.Attribution.Sampling;
using OpenLedger.Training.Datasets;
using OpenLedger.Training.Evidence;
using OpenLedger.Training.Tests.Datasets;

namespace OpenLedger.Training.Tests.Evidence;

/// <summary>Reports from retrained model classes, read back and attributed by the engine.</summary>
public sealed class ModelReportBuilderTests
{
    private static readonly PreparedDemo Demo = DemoReports.PrepareWine(contributors: 4, corruptShard: 3);

    private static ModelReportRequest Request(string modelClass, string method, int budget = 40, IReadOnlyList<ContributedShard>? shards = null)
    {
        var knn = DemoReports.Request(Demo, shards: shards);
        return new ModelReportRequest(knn.ModelId, knn.Epoch, knn.Test, knn.Shards, modelClass, method, new RetrainingOptions(budget), knn.Rewards, knn.RewardPool);
    }

    [Theory]
    [InlineData("logreg", "tmc-shapley")]
    [InlineData("logreg", "banzhaf")]
    [InlineData("logreg", "loo")]
    [InlineData("fasttree", "exact-shapley")]
    [InlineData("logreg", "influence")]
    public void The_report_parses_and_the_mislabelled_shard_is_valued_lowest(string modelClass, string method)
    {
        var report = PerformanceReportParser.Parse(ModelReportBuilder.Build(Request(modelClass, method)));
        var distribution = AttributionEngine.Distribute(report);

        Assert.Equal(method == "influence" ? "scores" : method, report.Attribution.Method);
        Assert.Equal("accuracy", report.Evaluation.Metric);
        Assert.True(report.Evaluation.Score > 0.7, $"score {report.Evaluation.Score}"); // one shard of four is mislabelled
        Assert.Equal((double)Demo.Test.Labels.Count(l => l == 1) / Demo.Test.Count, report.Evaluation.Baseline);
        Assert.Equal(4, distribution.Contributions.MinBy(c => c.Value)!.Id);
    }

    [Fact]
    public void Sampled_evidence_is_drawn_from_the_reports_own_seed_and_is_the_same_bytes_twice()
    {
        var first = ModelReportBuilder.Build(Request("logreg", "tmc-shapley"));
        var second = ModelReportBuilder.Build(Request("logreg", "tmc-shapley") with { Options = new RetrainingOptions(40, Parallelism: 1) });
        Assert.Equal(first, second);
        var report = PerformanceReportParser.Parse(first);
        var seed = SamplingSeed.Derive(report.ModelId, report.Epoch, report.Evaluation.TestSetHash);
        Assert.Contains($"\"seed\": {seed}", first);
    }

    [Fact]
    public void A_duplicate_registration_is_not_a_player()
    {
        var shards = Demo.Shards.Select(s => DemoReports.Registered(s)).ToList();
        var copy = shards[0].Contribution with { Id = 9, RegisteredAtBlock = 99 };
        shards.Add(new ContributedShard(copy, shards[0].Rows));
        var report = PerformanceReportParser.Parse(ModelReportBuilder.Build(Request("logreg", "loo", shards: shards)));
        var distribution = AttributionEngine.Distribute(report);
        Assert.Equal(0, distribution.Contributions.Single(c => c.Id == 9).Value);
        Assert.Contains(distribution.ExcludedDuplicates, d => d.Id == 9);
    }

    [Theory]
    [InlineData("svm", "tmc-shapley", 40, "Unknown model class 'svm': expected one of logreg, fasttree")]
    [InlineData("logreg", "knn-shapley", 40, "Reports from the logreg model support the methods tmc-shapley, banzhaf, loo, exact-shapley, influence, not 'knn-shapley'")]
    [InlineData("fasttree", "influence", 40, "Reports from the fasttree model support the methods tmc-shapley, banzhaf, loo, exact-shapley, not 'influence'")]
    [InlineData("logreg", "tmc-shapley", 0, "The retraining budget must be at least 1 coalition but is 0")]
    public void Bad_requests_are_refused_by_name(string modelClass, string method, int budget, string message)
    {
        var e = Assert.Throws<AttributionException>(() => ModelReportBuilder.Build(Request(modelClass, method, budget)));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Shards_of_one_class_only_are_refused()
    {
        var oneClass = Demo.Shards.Select(s =>
        {
            var rows = s.Rows.Select(Enumerable.Range(0, s.Rows.Count).Where(i => s.Rows.Labels[i] == 0).ToArray());
            return new ContributedShard(DemoReports.Registered(s).Contribution with { ContentHash = SklearnCsv.ContentHash(rows) }, rows);
        }).ToArray();
        var e = Assert.Throws<AttributionException>(() => ModelReportBuilder.Build(Request("logreg", "loo", shards: oneClass)));
        Assert.Equal($"The credited shards hold only class {Demo.Test.ClassNames[0]}: a classifier needs rows of at least 2 classes", e.Message);
    }
}

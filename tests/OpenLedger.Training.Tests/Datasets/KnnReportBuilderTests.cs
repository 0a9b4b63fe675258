using System.Text.Json.Nodes;
using OpenLedger.Training.Datasets;
using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Reports;
using OpenLedger.Ethereum.Primitives;
using Xunit.Abstractions;

namespace OpenLedger.Training.Tests.Datasets;

public class KnnReportBuilderTests(ITestOutputHelper output)
{
    [Fact]
    public void Wine_report_with_one_mislabelled_shard_pays_it_nothing_and_pays_every_clean_shard()
    {
        var demo = DemoReports.PrepareWine(contributors: 5, corruptShard: 4);
        var report = PerformanceReportParser.Parse(KnnReportBuilder.Build(DemoReports.Request(demo)));
        var distribution = AttributionEngine.Distribute(report);

        output.WriteLine($"score {report.Evaluation.Score:F4} baseline {report.Evaluation.Baseline:F4} test rows {demo.Test.Count}");
        foreach (var c in distribution.Contributions) output.WriteLine($"contribution {c.Id}: {c.Value:R}");
        foreach (var a in distribution.Allocations) output.WriteLine($"{a.Account}: {a.Open} OPEN wei, {a.Shares} shares");

        Assert.Equal(5, distribution.Contributions.Count);
        foreach (var c in distribution.Contributions)
            if (c.Id == 5) Assert.True(c.Value <= 0, $"corrupted shard valued {c.Value}");
            else Assert.True(c.Value > 0, $"clean contribution {c.Id} valued {c.Value}");
        Assert.DoesNotContain(distribution.Allocations, a => a.Account == TestAddresses.Of(5));
        Assert.Equal(4, distribution.Allocations.Count);
        Assert.Contains(distribution.FlagCandidates, f => f.Id == 5);
        Assert.Equal(report.Rewards.Open, distribution.TotalOpen);
    }

    [Fact]
    public void With_knn_shapley_the_score_is_the_knn_accuracy_of_all_shards_on_the_test_split_z_scored_by_itself()
    {
        var demo = DemoReports.PrepareWine(corruptShard: null);
        var report = PerformanceReportParser.Parse(KnnReportBuilder.Build(DemoReports.Request(demo, k: 5) with { Method = "knn-shapley" }));

        // Recomputed here from the prepared split, independently of the builder's shard order; scaled by the test
        // split's statistics, which no contributor controls.
        var scaler = Standardizer.Fit(demo.Test);
        var expected = new KnnClassifier(scaler.Transform(demo.Split.Train), 5).Accuracy(scaler.Transform(demo.Test));
        output.WriteLine($"5-NN test accuracy, clean shards: {expected:P2}");
        Assert.Equal(expected, report.Evaluation.Score, 1e-12);
        Assert.True(report.Evaluation.Score > 0.9, $"score {report.Evaluation.Score}");
        Assert.Equal("accuracy", report.Evaluation.Metric);
    }

    [Fact]
    public void With_knn_shapley_the_baseline_is_how_often_the_majority_training_class_occurs_in_the_test_split()
    {
        var demo = DemoReports.PrepareWine();
        var report = PerformanceReportParser.Parse(KnnReportBuilder.Build(DemoReports.Request(demo) with { Method = "knn-shapley" }));
        // Wine's largest class is class_1 (71 of 178 rows); the corrupted shard does not change which class is largest.
        var training = LabelledDataset.Concat(demo.Shards.Select(s => s.Rows).ToArray());
        Assert.Equal(1, KnnReportBuilder.MajorityClass(training));
        Assert.Equal((double)demo.Test.Labels.Count(l => l == 1) / demo.Test.Count, report.Evaluation.Baseline);
    }

    [Fact]
    public void The_test_set_hash_is_keccak_of_the_test_splits_canonical_csv()
    {
        var demo = DemoReports.PrepareWine();
        var report = PerformanceReportParser.Parse(KnnReportBuilder.Build(DemoReports.Request(demo)));
        Assert.Equal(Keccak.Hash(demo.TestBytes), report.Evaluation.TestSetHash);
        Assert.Equal(demo.TestSetHash, report.Evaluation.TestSetHash);
    }

    [Fact]
    public void The_evidence_holds_every_shard_row_z_scored_by_the_test_split_and_tagged_with_its_contribution()
    {
        var demo = DemoReports.PrepareWine();
        var report = PerformanceReportParser.Parse(KnnReportBuilder.Build(DemoReports.Request(demo, k: 7)));
        var evidence = Assert.IsType<NeighbourCreditEvidence>(report.Attribution.Evidence);
        Assert.Equal("neighbour-credit", report.Attribution.Method);
        Assert.Equal(new NeighbourCreditDefences(), new NeighbourCreditDefences(evidence.DuplicateTolerance, evidence.NeighbourRadius, evidence.HarmfulFractionThreshold, evidence.HarmfulConfidenceZ));
        Assert.Equal(7, evidence.K);
        Assert.Equal(13, evidence.Dimensions);
        Assert.Equal(demo.Split.Train.Count, evidence.ItemLabels.Length);
        Assert.Equal(demo.Test.Count, evidence.TestLabels.Length);
        var expectedTags = demo.Shards.SelectMany(s => Enumerable.Repeat(new System.Numerics.BigInteger(s.Index + 1), s.Rows.Count));
        Assert.Equal(expectedTags, evidence.ItemContributions);
        Assert.Equal(demo.Shards.SelectMany(s => s.Rows.Labels), evidence.ItemLabels);
        Assert.Equal(demo.Test.Labels, evidence.TestLabels);
        // Z-scored on the test split: every feature of the test points has mean 0 and (population) variance 1.
        for (var f = 0; f < evidence.Dimensions; f++)
        {
            var column = Enumerable.Range(0, evidence.TestLabels.Length).Select(i => evidence.TestEmbeddings[i * evidence.Dimensions + f]).ToArray();
            Assert.Equal(0.0, column.Average(), 1e-12);
            Assert.Equal(1.0, column.Average(x => x * x), 1e-12);
        }
    }

    [Fact]
    public void With_neighbour_credit_score_and_baseline_are_the_agreement_of_the_credited_rows_and_of_none()
    {
        var demo = DemoReports.PrepareWine(corruptShard: null);
        var report = PerformanceReportParser.Parse(KnnReportBuilder.Build(DemoReports.Request(demo, k: 5)));
        var distribution = AttributionEngine.Distribute(report);
        // Baseline: the chance that a label drawn from the test split's class frequencies is right, Σ p².
        var p = demo.Test.ClassCounts().Select(c => (double)c / demo.Test.Count).ToArray();
        Assert.Equal(p.Sum(x => x * x), report.Evaluation.Baseline, 1e-12);
        Assert.Equal("knn-agreement@5", report.Evaluation.Metric);
        Assert.True(report.Evaluation.Score > 0.85, $"score {report.Evaluation.Score}");
        // Efficiency: the values explain the whole improvement, nothing more.
        Assert.Equal(report.Evaluation.Score - report.Evaluation.Baseline, distribution.Contributions.Sum(c => c.Value), 1e-9);
    }

    [Fact]
    public void An_unknown_method_is_rejected()
    {
        var e = Assert.Throws<AttributionException>(() => KnnReportBuilder.Build(DemoReports.Request(DemoReports.PrepareWine()) with { Method = "loo" }));
        Assert.Equal("Reports from a k-NN model support the methods neighbour-credit and knn-shapley, not 'loo'", e.Message);
    }

    [Fact]
    public void Contributions_and_rewards_are_written_as_registered()
    {
        var demo = DemoReports.PrepareWine();
        var request = DemoReports.Request(demo);
        var report = PerformanceReportParser.Parse(KnnReportBuilder.Build(request));
        Assert.Equal(request.Shards.Select(s => s.Contribution), report.Contributions);
        Assert.Equal(request.Rewards, report.Rewards);
        Assert.Equal(request.RewardPool, report.RewardPool);
        Assert.Equal(1ul, report.Epoch);
        Assert.Equal(1, report.ModelId);
    }

    [Fact]
    public void A_shard_whose_rows_do_not_hash_to_its_registered_content_hash_is_rejected()
    {
        var demo = DemoReports.PrepareWine();
        var shards = demo.Shards.Select(s => DemoReports.Registered(s)).ToArray();
        shards[2] = shards[2] with { Rows = demo.Shards[3].Rows };
        var e = Assert.Throws<AttributionException>(() => KnnReportBuilder.Build(DemoReports.Request(demo, shards: shards)));
        Assert.Equal($"Contribution 3 registered content hash {demo.Shards[2].ContentHash} but its shard's CSV bytes hash to {demo.Shards[3].ContentHash}", e.Message);
    }

    [Fact]
    public void A_slashed_shard_is_listed_but_left_out_of_the_model_and_the_evidence()
    {
        var demo = DemoReports.PrepareWine();
        var shards = demo.Shards.Select(s => DemoReports.Registered(s, s.Index == 4 ? ContributionStatus.Slashed : ContributionStatus.Active)).ToArray();
        var report = PerformanceReportParser.Parse(KnnReportBuilder.Build(DemoReports.Request(demo, shards: shards)));
        var evidence = Assert.IsType<NeighbourCreditEvidence>(report.Attribution.Evidence);
        Assert.DoesNotContain(new System.Numerics.BigInteger(5), evidence.ItemContributions);
        Assert.Equal(ContributionStatus.Slashed, report.Contributions[4].Status);
        Assert.Equal(demo.Split.Train.Count - demo.Shards[4].Rows.Count, evidence.ItemLabels.Length);
    }

    [Fact]
    public void A_test_split_with_other_features_is_rejected()
    {
        var demo = DemoReports.PrepareWine();
        var iris = DataFiles.Iris();
        var request = DemoReports.Request(demo) with { Test = iris };
        var e = Assert.Throws<AttributionException>(() => KnnReportBuilder.Build(request));
        Assert.Equal("The shards have 13 features and classes [class_0,class_1,class_2] but the test split has 4 and [setosa,versicolor,virginica]", e.Message);
    }

    [Fact]
    public void A_report_without_shards_is_rejected()
    {
        var demo = DemoReports.PrepareWine();
        var e = Assert.Throws<AttributionException>(() => KnnReportBuilder.Build(DemoReports.Request(demo, shards: [])));
        Assert.Equal("A report needs at least 1 contributed shard but got none", e.Message);
    }

    [Fact]
    public void The_same_inputs_give_the_same_report_bytes()
    {
        var a = KnnReportBuilder.Build(DemoReports.Request(DemoReports.PrepareWine()));
        var b = KnnReportBuilder.Build(DemoReports.Request(DemoReports.PrepareWine()));
        Assert.Equal(a, b);
        Assert.NotNull(JsonNode.Parse(a));
    }

    [Fact]
    public void K_below_one_is_rejected()
    {
        var e = Assert.Throws<AttributionException>(() => KnnReportBuilder.Build(DemoReports.Request(DemoReports.PrepareWine(), k: 0)));
        Assert.Equal("K must be at least 1 but is 0", e.Message);
    }

    [Fact]
    public void A_report_whose_every_shard_is_slashed_is_rejected()
    {
        var demo = DemoReports.PrepareWine();
        var shards = demo.Shards.Select(s => DemoReports.Registered(s, ContributionStatus.Slashed)).ToArray();
        var e = Assert.Throws<AttributionException>(() => KnnReportBuilder.Build(DemoReports.Request(demo, shards: shards)));
        Assert.Equal("Every contributed shard is slashed: there is no training data to evaluate", e.Message);
    }
}

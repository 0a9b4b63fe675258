using System.Numerics;
using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Precision;
using OpenLedger.Attribution.Reports;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Training.Datasets;
using OpenLedger.Training.Evidence;
using OpenLedger.Training.Precision;
using OpenLedger.Training.Tests.Datasets;
using Xunit.Abstractions;

namespace OpenLedger.Training.Tests.Precision;

/// <summary>
/// The precision section of logreg and fasttree reports (the report's own game retrained on each subset), and a
/// verifier re-measuring its subsets and its retraining evidence from the files.
/// </summary>
public sealed class ModelPrecisionTests(ITestOutputHelper output)
{
    private static readonly Hash32 BlockHash = new(Enumerable.Repeat((byte)0x42, 32).ToArray());
    private static readonly PreparedDemo Demo = DemoReports.PrepareWine(contributors: 6, corruptShard: 2);

    private static ContributedShard[] Shards() => [.. Demo.Shards.Select(s => DemoReports.Registered(s))];

    private static ModelReportRequest Request(string modelClass, string method, int budget = 60, Hash32? blockHash = null)
    {
        var knn = DemoReports.Request(Demo);
        return new ModelReportRequest(knn.ModelId, knn.Epoch, knn.Test, knn.Shards, modelClass, method, new RetrainingOptions(budget), knn.Rewards,
            knn.RewardPool, blockHash ?? BlockHash);
    }

    private static (PerformanceReport Report, string Json) Build(string modelClass, string method)
    {
        var json = ModelReportBuilder.Build(Request(modelClass, method));
        return (PerformanceReportParser.Parse(json), json);
    }

    [Theory]
    [InlineData("logreg", "influence")]
    [InlineData("logreg", "loo")]
    [InlineData("fasttree", "banzhaf")]
    public void A_model_report_carries_a_precision_the_engine_recomputes_and_is_the_same_bytes_twice(string modelClass, string method)
    {
        var (report, json) = Build(modelClass, method);
        var precision = AttributionEngine.Distribute(report).Precision!;
        output.WriteLine($"{modelClass} {method}: LDS {precision.Lds:F4} [{precision.Lower:F4}, {precision.Upper:F4}] over {precision.Subsets} subsets");
        Assert.Equal(modelClass, precision.ModelClass);
        Assert.Equal(100, precision.Subsets);
        Assert.Equal(BlockHash, report.Precision!.CommitmentBlockHash);
        Assert.Equal(PrecisionSeed.Derive(report.ModelId, report.Epoch, report.Evaluation.TestSetHash, BlockHash), report.Precision.Seed);
        // The mislabelled shard drags accuracy down wherever it is drawn and every method values it lowest.
        Assert.True(precision.Lds > 0.3, $"LDS {precision.Lds}");
        Assert.Equal(json, ModelReportBuilder.Build(Request(modelClass, method) with { Options = new RetrainingOptions(60, Parallelism: 1) }));
    }

    [Fact]
    public void Without_a_commitment_block_hash_a_model_report_has_no_precision_section()
    {
        var request = Request("logreg", "loo") with { CommitmentBlockHash = null };
        Assert.Null(PerformanceReportParser.Parse(ModelReportBuilder.Build(request)).Precision);
    }

    [Fact]
    public void A_subsets_utility_is_the_reports_own_game_retrained_on_exactly_its_shards()
    {
        var (report, _) = Build("logreg", "loo");
        var request = Request("logreg", "loo");
        var game = ModelReportBuilder.Game(Training.Models.ModelClasses.Get("logreg"), request, ReportJson.CreditedShards(request.Shards));
        foreach (var subset in report.Precision!.Subsets.Take(5))
            Assert.Equal(game.Utility(subset.Members), subset.Utility);
    }

    [Theory]
    [InlineData("logreg", "loo")]
    [InlineData("fasttree", "tmc-shapley")]
    public void An_honest_model_reports_subsets_and_evidence_re_measure_exactly(string modelClass, string method)
    {
        var (report, _) = Build(modelClass, method);
        var subsets = PrecisionRecompute.Compare(report.Precision!, 20, SubsetUtilities.For(report, Shards(), Demo.Test));
        Assert.Equal(new PrecisionRecomputation(20, 100, 0, 0, 0, null), subsets);
        var evidence = EvidenceRecompute.Compare(report, ModelPrecision.GameFor(report, Shards(), Demo.Test), 20)!;
        output.WriteLine($"{method}: {evidence.Sampled} of {evidence.Total} evidence coalitions re-measured");
        Assert.Equal((0, 0.0), (evidence.Mismatched, evidence.MaxDifference));
        Assert.Equal(EvidenceRecompute.Coalitions(report.Attribution)!.Count, evidence.Total);
    }

    [Fact]
    public void A_tampered_subset_utility_in_a_logreg_report_is_found()
    {
        var (report, _) = Build("logreg", "influence");
        var subsets = report.Precision!.Subsets.Select((s, i) => i == 15 ? s with { Utility = s.Utility + 0.1 } : s).ToArray();
        var tampered = report with { Precision = report.Precision with { Subsets = subsets } };
        var result = PrecisionRecompute.Compare(tampered.Precision!, 20, SubsetUtilities.For(tampered, Shards(), Demo.Test));
        Assert.Equal((20, 1, 15), (result.Sampled, result.Mismatched, result.FirstMismatch));
        Assert.Equal(0.1, result.MaxDifference, 12);
        Assert.Equal(subsets[15].Members, result.FirstMembers);
        Assert.Equal((subsets[15].Utility, subsets[15].Utility - 0.1), (result.FirstReported!.Value, result.FirstRemeasured!.Value));
    }

    [Fact]
    public void A_tampered_evidence_utility_is_found_for_each_retraining_method()
    {
        var (loo, _) = Build("logreg", "loo");
        var evidence = (LeaveOneOutEvidence)loo.Attribution.Evidence;
        // The reporter claims the model is worse without contribution 1 than it is: 1 looks more valuable.
        var leftOut = evidence.LeftOut.Select((x, i) => i == 0 ? (x.Id, x.Utility - 0.2) : x).ToArray();
        var tampered = loo with { Attribution = loo.Attribution with { Evidence = evidence with { LeftOut = leftOut } } };
        var result = EvidenceRecompute.Compare(tampered, ModelPrecision.GameFor(tampered, Shards(), Demo.Test), 100)!;
        Assert.Equal((7, 7, 1, 1), (result.Sampled, result.Total, result.Mismatched, result.FirstMismatch));
        Assert.Equal(new BigInteger[] { 2, 3, 4, 5, 6 }, result.FirstMembers);
        Assert.Equal(0.2, result.MaxDifference, 12);

        var (tmc, _) = Build("logreg", "tmc-shapley");
        var tmcEvidence = (TmcShapleyEvidence)tmc.Attribution.Evidence;
        var raised = tmcEvidence with { FullUtility = tmcEvidence.FullUtility + 0.05 };
        var tmcResult = EvidenceRecompute.Compare(tmc with { Attribution = tmc.Attribution with { Evidence = raised } },
            ModelPrecision.GameFor(tmc, Shards(), Demo.Test), 10)!;
        Assert.Equal((1, 0), (tmcResult.Mismatched, tmcResult.FirstMismatch)); // the full coalition comes first
    }

    [Fact]
    public void A_logreg_reports_influence_scores_re_measure_exactly_and_a_tampered_one_is_found()
    {
        var (report, _) = Build("logreg", "influence");
        Assert.Null(EvidenceRecompute.Coalitions(report.Attribution));
        var scores = ((ScoresEvidence)report.Attribution.Evidence).Scores;
        var honest = EvidenceRecompute.Compare(report, ModelPrecision.GameFor(report, Shards(), Demo.Test), 1)!;
        // One training recomputes every score: none is sampled out, whatever the sample size asked for.
        Assert.Equal(new PrecisionRecomputation(scores.Count, scores.Count, 0, 0, 0, null), honest);

        // The reporter inflates contribution 3's influence.
        var inflated = scores.Select((x, i) => i == 2 ? (x.Id, x.Value + 0.5) : x).ToArray();
        var tampered = report with { Attribution = report.Attribution with { Evidence = new ScoresEvidence(inflated) } };
        var result = EvidenceRecompute.Compare(tampered, ModelPrecision.GameFor(tampered, Shards(), Demo.Test), 1)!;
        Assert.Equal((1, 2), (result.Mismatched, result.FirstMismatch));
        Assert.Equal(new[] { scores[2].Id }, result.FirstMembers);
        Assert.Equal(0.5, result.MaxDifference, 12);
        Assert.Equal(scores[2].Value, result.FirstRemeasured!.Value);
    }

    [Fact]
    public void Scores_of_a_fasttree_report_are_not_influence_and_have_nothing_to_re_measure()
    {
        var (report, _) = Build("fasttree", "banzhaf");
        var scored = report with { Attribution = new AttributionSpec("scores", new ScoresEvidence([.. report.Precision!.Subsets[0].Members.Select(id => (id, 1.0))])) };
        Assert.False(EvidenceRecompute.Remeasurable(scored.Attribution, "fasttree"));
        Assert.Null(EvidenceRecompute.Compare(scored, ModelPrecision.GameFor(report, Shards(), Demo.Test), 20));
    }

    [Fact]
    public void An_unknown_precision_model_class_is_refused_naming_it_and_the_known_ones()
    {
        var (report, _) = Build("logreg", "loo");
        var other = report with { Precision = report.Precision! with { ModelClass = "lightgbm" } };
        Assert.Equal("The report's precision was measured with model class 'lightgbm', which this verifier cannot retrain (it knows knn(k=K), logreg, fasttree)",
            Assert.Throws<AttributionException>(() => SubsetUtilities.For(other, Shards(), Demo.Test)).Message);
        Assert.Equal("The report's precision was measured with model class 'lightgbm', which is not a retrained model class (the retrained ones are logreg, fasttree)",
            Assert.Throws<AttributionException>(() => ModelPrecision.GameFor(other, Shards(), Demo.Test)).Message);
        Assert.StartsWith("The evaluation file hashes to ",
            Assert.Throws<AttributionException>(() => ModelPrecision.GameFor(report, Shards(), Demo.Split.Train)).Message);
        Assert.StartsWith("1 creditable contribution(s) of the report have no file to retrain on: ",
            Assert.Throws<AttributionException>(() => ModelPrecision.GameFor(report, Shards()[1..], Demo.Test)).Message);
        Assert.Equal("The report has no precision section to re-measure",
            Assert.Throws<AttributionException>(() => SubsetUtilities.For(report with { Precision = null }, Shards(), Demo.Test)).Message);
    }
}

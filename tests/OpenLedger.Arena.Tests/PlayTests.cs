using OpenLedger.Arena.Play;
using OpenLedger.Arena.Strategies;
using OpenLedger.Training.Datasets;
using OpenLedger.Attribution.Methods;

namespace OpenLedger.Arena.Tests;

/// <summary>The evidence, the coalition utilities and the methods the arena plays with.</summary>
public class PlayTests
{
    private static ScenarioReport Report(string strategy = "copy-exact") =>
        ItemEvidence.Build(Scenario.Of(Arena.Data("wine"), Arena.Plan(strategy)), new ArenaSettings());

    [Fact]
    public void The_evidence_is_the_products_report_with_one_item_per_registered_row()
    {
        var report = Report();
        var scenario = report.Scenario;
        Assert.Equal(scenario.Registrations().Sum(r => r.Submission.Rows.Count), report.ItemLabels.Length);
        Assert.Equal(Arena.Data("wine").Test.Count, report.TestLabels.Length);
        Assert.Equal(SklearnCsv.ContentHash(Arena.Data("wine").Test), report.TestSetHash);
        Assert.Equal("knn-shapley", report.Parse(report.ItemAttribution).Attribution.Method);
        Assert.Equal("neighbour-credit", report.DistributeItemLevel("neighbour-credit").Method);
    }

    [Fact]
    public void The_coalition_of_everyone_scores_what_the_report_says_and_each_shard_what_its_own_classifier_scores()
    {
        var report = Report();
        var game = new CoalitionGame(report, 5);
        var all = (1UL << report.Ids.Length) - 1;
        Assert.Equal(report.Score, game.Utility(all));
        Assert.Equal(report.Baseline, game.Utility(0));
        var d = report.Dimensions;
        for (var c = 0; c < report.Ids.Length; c++)
        {
            var rows = Enumerable.Range(0, report.ItemLabels.Length).Where(i => report.ItemOwner[i] == c).ToArray();
            var items = new LabelledDataset(["0", "1", "2"], d, rows.SelectMany(i => report.Items.AsSpan(i * d, d).ToArray()).ToArray(), rows.Select(i => report.ItemLabels[i]).ToArray());
            var test = new LabelledDataset(["0", "1", "2"], d, report.Test, report.TestLabels);
            Assert.Equal(new KnnClassifier(items, 5).Accuracy(test), game.Utility(1UL << c));
        }
    }

    [Fact]
    public void Later_epoch_reports_give_neighbour_credit_the_cohort_boundaries()
    {
        var report = Report("copy-exact-later");
        var later = Assert.IsType<NeighbourCreditEvidence>(report.ParseItemLevel("neighbour-credit").Attribution.Evidence);
        Assert.Equal([200UL], later.CohortBoundaries);
        Assert.Empty(Assert.IsType<NeighbourCreditEvidence>(Report().ParseItemLevel("neighbour-credit").Attribution.Evidence).CohortBoundaries);
    }

    [Fact]
    public void Every_method_whose_evidence_is_items_and_test_points_is_played_as_item_level()
    {
        Assert.Contains(MethodCatalog.All, m => m.Name == "knn-shapley" && m.ItemLevel);
        Assert.Equal(AttributionMethods.Default, MethodCatalog.All[0].Name);
        Assert.Equal(["exact-shapley", "tmc-shapley", "banzhaf", "loo"], MethodCatalog.All.Where(m => !m.ItemLevel).Select(m => m.Name));
        Assert.Equal(["tmc-shapley", "banzhaf"], MethodCatalog.All.Where(m => m.Sampled).Select(m => m.Name));
    }

    [Fact]
    public void A_method_the_arena_cannot_play_and_an_unknown_one_are_refused_by_name()
    {
        Assert.StartsWith("Method 'scores' cannot be played by the arena", Assert.Throws<ArenaException>(() => MethodCatalog.Get("scores")).Message);
        Assert.StartsWith("Unknown method 'knn-magic'; expected one of neighbour-credit, knn-shapley", Assert.Throws<ArenaException>(() => MethodCatalog.Get("knn-magic")).Message);
    }

    [Fact]
    public void A_cherry_picked_seed_pays_the_favoured_contributor_more_but_the_report_is_refused_at_the_seed()
    {
        var data = Arena.Data("wine");
        var plan = Arena.Plan("reporter-cherry-pick");
        var report = ItemEvidence.Build(Scenario.Of(data, plan), new ArenaSettings());
        var methods = MethodCatalog.All.Where(m => m.Sampled).ToArray();
        var attacked = ScenarioPlayer.Play(report, methods, new ArenaSettings(), ReporterAttack.CherryPickSeed, new HashSet<int> { ArenaWallets.Honest(0) });
        var honest = ScenarioPlayer.Play(report, methods, new ArenaSettings(), ReporterAttack.None, new HashSet<int> { ArenaWallets.Honest(0) });
        for (var m = 0; m < methods.Length; m++)
        {
            Assert.StartsWith("attribution.parameters.seed: must be", attacked[m].Refused);
            Assert.True(attacked[m].AttemptedShare > honest[m].Shares[ArenaWallets.Honest(0)], $"{methods[m].Name}: the best of 32 seeds should beat the derived one");
        }
    }
}

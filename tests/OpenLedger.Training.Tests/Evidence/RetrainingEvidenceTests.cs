using System.Numerics;
using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Reports;
using OpenLedger.Training.Datasets;
using OpenLedger.Training.Evidence;
using OpenLedger.Training.Models;
using OpenLedger.Training.Tests.Datasets;

namespace OpenLedger.Training.Tests.Evidence;

/// <summary>
/// Known-value tests of retraining evidence: small coalitional games built from real logistic-regression retraining on
/// Wine shards with fixed seeds, valued by the engine's own estimators.
/// </summary>
public sealed class RetrainingEvidenceTests
{
    private static readonly (LabelledDataset Train, LabelledDataset Test) Wine = Prepare();

    private static (LabelledDataset, LabelledDataset) Prepare()
    {
        var split = TrainTestSplit.Stratified(DataFiles.Wine(), 0.3, seed: 7);
        var scaler = Standardizer.Fit(split.Test);
        return (scaler.Transform(split.Train), scaler.Transform(split.Test));
    }

    private static RetrainingGame Game(IReadOnlyList<LabelledDataset> shards, IModelClass? model = null) =>
        new(model ?? new LogisticRegressionModel(), shards.Select((rows, i) => ((BigInteger)(i + 1), rows)).ToArray(), Wine.Test,
            emptyUtility: 0.4, seed: 11);

    private static LabelledDataset[] Shards(int count) => Sharding.Split(Wine.Train, count, seed: 3);

    private static IReadOnlyDictionary<BigInteger, double> Values(AttributionSpec spec) =>
        AttributionMethods.Get(spec.Method).Compute(spec.Evidence, new HashSet<BigInteger>()).Values;

    [Fact]
    public void Exact_shapley_values_add_up_to_the_full_minus_the_empty_utility()
    {
        var game = Game(Shards(4));
        var spec = RetrainingEvidence.Build("exact-shapley", game, seed: 0, new RetrainingOptions(Budget: 16));
        var full = game.Utility(game.Players);
        Assert.Equal(full - 0.4, Values(spec).Values.Sum(), 9);
        Assert.Equal(15, game.Retrainings); // 2^4 coalitions, the empty one is not trained
    }

    [Fact]
    public void Tmc_shapley_agrees_with_exact_shapley_on_five_contributions()
    {
        var shards = Shards(5);
        var exact = Values(RetrainingEvidence.Build("exact-shapley", Game(shards), seed: 0, new RetrainingOptions(Budget: 32)));
        var tmc = Values(RetrainingEvidence.Build("tmc-shapley", Game(shards), seed: 42, new RetrainingOptions(Budget: 5 * 300, Tolerance: 0)));
        foreach (var (id, value) in exact) Assert.True(Math.Abs(value - tmc[id]) <= 0.01, $"contribution {id}: exact {value}, tmc {tmc[id]}");
    }

    [Fact]
    public void A_duplicated_contribution_gets_the_same_value_as_its_original()
    {
        var shards = Shards(4);
        var values = Values(RetrainingEvidence.Build("exact-shapley", Game([.. shards, shards[0]]), seed: 0, new RetrainingOptions(Budget: 32)));
        Assert.Equal(values[1], values[5], 12);
    }

    [Fact]
    public void A_contribution_that_repeats_one_row_of_another_is_worth_about_nothing()
    {
        var shards = Shards(4);
        var values = Values(RetrainingEvidence.Build("exact-shapley", Game([.. shards, shards[0].Select([0])]), seed: 0, new RetrainingOptions(Budget: 32)));
        // Accuracy moves in steps of one test row (1/53): a repeated row may tip a prediction in a few coalitions, no more.
        Assert.True(Math.Abs(values[5]) <= 1.0 / Wine.Test.Count, $"null contribution valued {values[5]}");
        Assert.True(values.Where(v => v.Key != 5).All(v => v.Value > Math.Abs(values[5])), string.Join(", ", values));
    }

    [Theory]
    [InlineData("tmc-shapley", 40)]
    [InlineData("banzhaf", 30)]
    [InlineData("loo", 5)]
    public void The_mislabelled_contribution_is_valued_lowest(string method, int budget)
    {
        var shards = Shards(4);
        shards[2] = LabelCorruption.Shift(shards[2], 1.0, seed: 1);
        var values = Values(RetrainingEvidence.Build(method, Game(shards), seed: 9, new RetrainingOptions(budget)));
        Assert.Equal(3, values.MinBy(v => v.Value).Key);
    }

    [Theory]
    [InlineData("tmc-shapley")]
    [InlineData("banzhaf")]
    public void The_evidence_is_the_same_bytes_whatever_the_parallelism(string method)
    {
        var shards = Shards(5);
        var progress = new List<(int, int)>();
        var one = RetrainingEvidence.Build(method, Game(shards), seed: 5, new RetrainingOptions(20, Parallelism: 1, Progress: (d, p) => progress.Add((d, p))));
        var two = RetrainingEvidence.Build(method, Game(shards), seed: 5, new RetrainingOptions(20, Parallelism: 2));
        Assert.Equal(AttributionJson.ToJson(one).ToJsonString(), AttributionJson.ToJson(two).ToJsonString());
        Assert.Equal(progress[^1].Item2, progress[^1].Item1); // the bar reaches its end
    }

    [Fact]
    public void A_budget_of_zero_is_refused()
    {
        var e = Assert.Throws<AttributionException>(() => RetrainingEvidence.Build("tmc-shapley", Game(Shards(3)), 0, new RetrainingOptions(0)));
        Assert.Equal("The retraining budget must be at least 1 coalition but is 0", e.Message);
    }

    [Theory]
    [InlineData("exact-shapley", 7, "exact-shapley over 3 contributions needs a budget of 2^3 = 8 coalitions but the budget is 7")]
    [InlineData("loo", 3, "loo over 3 contributions needs a budget of 4 coalitions but the budget is 3")]
    [InlineData("tmc-shapley", 2, "tmc-shapley over 3 contributions needs a budget of at least 3 coalitions (one permutation) but the budget is 2")]
    [InlineData("banzhaf", 1, "banzhaf needs a budget of at least 2 coalitions but the budget is 1")]
    [InlineData("knn-shapley", 100, "Retraining evidence supports the methods tmc-shapley, banzhaf, loo, exact-shapley, not 'knn-shapley'")]
    public void A_budget_too_small_for_the_method_or_an_unknown_method_is_refused(string method, int budget, string message)
    {
        var game = Game(Shards(3));
        var e = Assert.Throws<AttributionException>(() => RetrainingEvidence.Build(method, game, 0, new RetrainingOptions(budget)));
        Assert.Equal(message, e.Message);
        Assert.Equal(0, game.Retrainings); // refused before any training
    }
}

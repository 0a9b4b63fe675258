using OpenLedger.Training.Datasets;
using OpenLedger.Training.Models;
using OpenLedger.Training.Tests.Datasets;

namespace OpenLedger.Training.Tests.Models;

/// <summary>The ML.NET model classes on Wine (z-scored with the test split's statistics, as the report builder does).</summary>
public sealed class ModelClassTests
{
    private static readonly (LabelledDataset Train, LabelledDataset Test) Wine = Prepare();

    private static (LabelledDataset, LabelledDataset) Prepare()
    {
        var split = TrainTestSplit.Stratified(DataFiles.Wine(), 0.3, seed: 7);
        var scaler = Standardizer.Fit(split.Test);
        return (scaler.Transform(split.Train), scaler.Transform(split.Test));
    }

    [Theory]
    [InlineData("logreg", 0.9)]
    [InlineData("fasttree", 0.85)]
    public void Trained_on_wine_the_model_beats_the_threshold(string name, double threshold)
    {
        var accuracy = ModelClasses.Get(name).Utility(Wine.Train, Wine.Test, seed: 1);
        Assert.True(accuracy >= threshold, $"{name}: accuracy {accuracy}");
    }

    [Theory]
    [InlineData("logreg")]
    [InlineData("fasttree")]
    public void Retraining_with_the_same_seed_gives_the_same_utility_bit_for_bit(string name)
    {
        var model = ModelClasses.Get(name);
        var rows = Enumerable.Range(0, Wine.Train.Count).Where(i => i % 3 != 0).ToArray();
        var first = model.Utility(Wine.Train.Select(rows), Wine.Test, seed: 5);
        var second = model.Utility(Wine.Train.Select(rows), Wine.Test, seed: 5);
        Assert.Equal(BitConverter.DoubleToInt64Bits(first), BitConverter.DoubleToInt64Bits(second));
    }

    [Fact]
    public void Logistic_weights_are_the_same_bytes_twice()
    {
        var model = new LogisticRegressionModel();
        var a = model.Train(Wine.Train, seed: 3);
        var b = model.Train(Wine.Train, seed: 3);
        Assert.Equal(a.Biases, b.Biases);
        for (var c = 0; c < a.Classes; c++) Assert.Equal(a.Weights[c], b.Weights[c]);
        Assert.Equal(3, a.Classes);
        // The weights predict what the model predicts: the argmax of the softmax is right on most test rows.
        var correct = Enumerable.Range(0, Wine.Test.Count).Count(i =>
        {
            var p = a.Probabilities(Wine.Test.Row(i));
            return Array.IndexOf(p, p.Max()) == Wine.Test.Labels[i];
        });
        Assert.True(correct >= 0.9 * Wine.Test.Count, $"{correct} of {Wine.Test.Count}");
    }

    [Theory]
    [InlineData("logreg")]
    [InlineData("fasttree")]
    public void A_training_set_missing_a_class_still_predicts_over_every_class(string name)
    {
        var rows = Enumerable.Range(0, Wine.Train.Count).Where(i => Wine.Train.Labels[i] != 2).ToArray();
        var accuracy = ModelClasses.Get(name).Utility(Wine.Train.Select(rows), Wine.Test, seed: 1);
        var withoutClass2 = (double)Wine.Test.Labels.Count(l => l != 2) / Wine.Test.Count;
        Assert.InRange(accuracy, 0.5 * withoutClass2, withoutClass2);
    }

    [Theory]
    [InlineData("logreg")]
    [InlineData("fasttree")]
    public void A_one_class_training_set_is_the_constant_predictor_of_that_class(string name)
    {
        var rows = Enumerable.Range(0, Wine.Train.Count).Where(i => Wine.Train.Labels[i] == 1).ToArray();
        var accuracy = ModelClasses.Get(name).Utility(Wine.Train.Select(rows), Wine.Test, seed: 1);
        Assert.Equal((double)Wine.Test.Labels.Count(l => l == 1) / Wine.Test.Count, accuracy);
    }

    [Fact]
    public void An_unknown_model_class_is_refused_by_name()
    {
        var e = Assert.Throws<AttributionException>(() => ModelClasses.Get("svm"));
        Assert.Equal("Unknown model class 'svm': expected one of logreg, fasttree", e.Message);
    }

    [Theory]
    [InlineData("logreg")]
    [InlineData("fasttree")]
    public void A_training_set_without_labelled_rows_is_refused(string name)
    {
        var e = Assert.Throws<AttributionException>(() => ModelClasses.Get(name).Utility(Wine.Train.Select([]), Wine.Test, seed: 1));
        Assert.Equal($"The {name} model needs at least 1 labelled training row but the training set has none", e.Message);
    }

    [Theory]
    [InlineData("logreg", double.NaN)]
    [InlineData("fasttree", double.PositiveInfinity)]
    public void A_non_finite_feature_is_refused_with_its_row_and_feature(string name, double bad)
    {
        var values = (double[])Wine.Train.Values.Clone();
        values[4 * Wine.Train.Features + 2] = bad;
        var e = Assert.Throws<AttributionException>(() => ModelClasses.Get(name).Utility(Wine.Train.WithValues(values), Wine.Test, seed: 1));
        Assert.Equal($"Row 4 of the training set has feature 3 = {bad}: every feature must be a finite number", e.Message);
    }

    [Fact]
    public void Logistic_weights_of_a_one_class_training_set_are_refused()
    {
        var rows = Enumerable.Range(0, Wine.Train.Count).Where(i => Wine.Train.Labels[i] == 0).ToArray();
        var e = Assert.Throws<AttributionException>(() => new LogisticRegressionModel().Train(Wine.Train.Select(rows), seed: 1));
        Assert.Equal($"The logreg model needs at least 2 classes in its training set but every row has class 0 ({Wine.Train.ClassNames[0]})", e.Message);
    }

    [Fact]
    public void An_evaluation_set_of_other_features_is_refused()
    {
        var other = new LabelledDataset(Wine.Test.ClassNames, 2, [0, 0], [0]);
        var e = Assert.Throws<AttributionException>(() => new LogisticRegressionModel().Utility(Wine.Train, other, seed: 1));
        Assert.StartsWith("The training set has 13 features", e.Message);
    }
}

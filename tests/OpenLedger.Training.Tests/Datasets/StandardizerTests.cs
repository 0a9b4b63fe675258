using OpenLedger.Training.Datasets;

namespace OpenLedger.Training.Tests.Datasets;

public class StandardizerTests
{
    private static readonly string[] OneClass = ["a"];

    [Fact]
    public void Fitted_rows_get_mean_zero_and_population_variance_one()
    {
        var scaled = Standardizer.Fit(DataFiles.Wine()).Transform(DataFiles.Wine());
        for (var f = 0; f < scaled.Features; f++)
        {
            var column = Enumerable.Range(0, scaled.Count).Select(r => scaled.Row(r)[f]).ToArray();
            Assert.Equal(0.0, column.Average(), 1e-12);
            Assert.Equal(1.0, column.Average(x => x * x), 1e-12);
        }
    }

    [Fact]
    public void Mean_and_scale_are_those_of_the_training_rows_only()
    {
        var training = new LabelledDataset(OneClass, 1, [1, 3], [0, 0]);
        var scaler = Standardizer.Fit(training);
        Assert.Equal([2.0], scaler.Means);
        Assert.Equal([1.0], scaler.Scales);
        // A test row far outside the training range stays far outside: no statistics of the test split are used.
        var test = scaler.Transform(new LabelledDataset(OneClass, 1, [11, 2], [0, 0]));
        Assert.Equal([9.0, 0.0], test.Values);
    }

    [Fact]
    public void A_constant_feature_keeps_scale_one_instead_of_dividing_by_zero()
    {
        var scaler = Standardizer.Fit(new LabelledDataset(OneClass, 2, [5, 1, 5, 3], [0, 0]));
        Assert.Equal([1.0, 1.0], scaler.Scales);
        Assert.Equal([0.0, -1.0, 0.0, 1.0], scaler.Transform(new LabelledDataset(OneClass, 2, [5, 1, 5, 3], [0, 0])).Values);
    }

    [Fact]
    public void Labels_and_class_names_are_kept()
    {
        var iris = DataFiles.Iris();
        var scaled = Standardizer.Fit(iris).Transform(iris);
        Assert.Equal(iris.Labels, scaled.Labels);
        Assert.Equal(iris.ClassNames, scaled.ClassNames);
    }

    [Fact]
    public void Fitting_no_rows_is_rejected()
    {
        var e = Assert.Throws<AttributionException>(() => Standardizer.Fit(new LabelledDataset(OneClass, 1, [], [])));
        Assert.Equal("Standardisation needs at least 1 training row but got none", e.Message);
    }

    [Fact]
    public void Transforming_rows_of_another_width_is_rejected()
    {
        var scaler = Standardizer.Fit(DataFiles.Iris());
        var e = Assert.Throws<AttributionException>(() => scaler.Transform(DataFiles.Wine()));
        Assert.Equal("The standardiser was fitted on 4 features but the dataset has 13", e.Message);
    }
}

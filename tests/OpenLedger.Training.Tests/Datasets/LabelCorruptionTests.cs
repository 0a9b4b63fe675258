using OpenLedger.Training.Datasets;

namespace OpenLedger.Training.Tests.Datasets;

public class LabelCorruptionTests
{
    [Theory]
    [InlineData(1.0, 150)]
    [InlineData(0.5, 75)]
    [InlineData(0.1, 15)]
    [InlineData(0.0, 0)]
    public void The_given_fraction_of_labels_is_shifted_to_the_next_class(double fraction, int changed)
    {
        var iris = DataFiles.Iris();
        var labels = LabelCorruption.ShiftedLabels(iris, fraction, seed: 4, out var rows);
        Assert.Equal(changed, rows.Length);
        Assert.Equal(changed, Enumerable.Range(0, iris.Count).Count(i => labels[i] != iris.Labels[i]));
        foreach (var r in rows) Assert.Equal((iris.Labels[r] + 1) % 3, labels[r]);
    }

    [Fact]
    public void Features_stay_and_the_original_is_untouched()
    {
        var wine = DataFiles.Wine();
        var before = wine.Labels.ToArray();
        var corrupted = LabelCorruption.Shift(wine, 0.5, seed: 4);
        Assert.Equal(wine.Values, corrupted.Values);
        Assert.Equal(before, wine.Labels);
        Assert.NotEqual(wine.Labels, corrupted.Labels);
    }

    [Fact]
    public void The_same_seed_corrupts_the_same_rows_and_another_seed_others()
    {
        var wine = DataFiles.Wine();
        LabelCorruption.ShiftedLabels(wine, 0.3, 8, out var a);
        LabelCorruption.ShiftedLabels(wine, 0.3, 8, out var b);
        LabelCorruption.ShiftedLabels(wine, 0.3, 9, out var c);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_fraction_outside_zero_to_one_is_rejected(double fraction)
    {
        var e = Assert.Throws<AttributionException>(() => LabelCorruption.Shift(DataFiles.Iris(), fraction, 1));
        Assert.Equal($"The corrupted fraction must be between 0 and 1 but is {fraction}", e.Message);
    }

    [Fact]
    public void A_single_class_cannot_be_corrupted()
    {
        var e = Assert.Throws<AttributionException>(() => LabelCorruption.Shift(new LabelledDataset(["a"], 1, [1], [0]), 1, 1));
        Assert.Equal("Labels can only be corrupted with at least 2 classes but there is 1", e.Message);
    }
}

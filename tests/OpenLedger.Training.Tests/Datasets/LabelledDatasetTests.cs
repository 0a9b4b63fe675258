using OpenLedger.Training.Datasets;

namespace OpenLedger.Training.Tests.Datasets;

public class LabelledDatasetTests
{
    private static readonly string[] TwoClasses = ["a", "b"];

    [Fact]
    public void Select_takes_the_given_rows_in_the_given_order()
    {
        var data = new LabelledDataset(TwoClasses, 2, [1, 2, 3, 4, 5, 6], [0, 1, 0]);
        var picked = data.Select([2, 0]);
        Assert.Equal([5.0, 6, 1, 2], picked.Values);
        Assert.Equal([0, 0], picked.Labels);
    }

    [Fact]
    public void Concat_puts_rows_one_after_another()
    {
        var a = new LabelledDataset(TwoClasses, 1, [1], [0]);
        var b = new LabelledDataset(TwoClasses, 1, [2, 3], [1, 1]);
        var both = LabelledDataset.Concat([a, b]);
        Assert.Equal([1.0, 2, 3], both.Values);
        Assert.Equal([0, 1, 1], both.Labels);
    }

    [Fact]
    public void Datasets_of_different_classes_cannot_be_concatenated()
    {
        var e = Assert.Throws<AttributionException>(() => LabelledDataset.Concat([
            new LabelledDataset(TwoClasses, 1, [1], [0]), new LabelledDataset(["a", "c"], 1, [1], [0])]));
        Assert.Equal("Cannot concatenate datasets with classes [a,b] and [a,c]", e.Message);
    }

    [Fact]
    public void A_label_outside_the_classes_is_rejected()
    {
        var e = Assert.Throws<AttributionException>(() => new LabelledDataset(TwoClasses, 1, [1, 2], [0, 2]));
        Assert.Equal("Row 1 has label 2 but the classes are 0..1", e.Message);
    }

    [Fact]
    public void Values_that_do_not_fill_whole_rows_are_rejected()
    {
        var e = Assert.Throws<AttributionException>(() => new LabelledDataset(TwoClasses, 2, [1, 2, 3], [0, 1]));
        Assert.Equal("2 rows of 2 features need 4 values but got 3", e.Message);
    }

    [Fact]
    public void Selecting_a_missing_row_is_rejected()
    {
        var e = Assert.Throws<AttributionException>(() => new LabelledDataset(TwoClasses, 1, [1], [0]).Select([1]));
        Assert.Equal("Row 1 does not exist in a dataset of 1 rows", e.Message);
    }

    [Fact]
    public void Datasets_of_different_widths_cannot_be_concatenated()
    {
        var e = Assert.Throws<AttributionException>(() => LabelledDataset.Concat([
            new LabelledDataset(TwoClasses, 1, [1], [0]), new LabelledDataset(TwoClasses, 2, [1, 2], [0])]));
        Assert.Equal("Cannot concatenate datasets of 1 and 2 features", e.Message);
    }

    [Fact]
    public void Replacing_labels_needs_one_per_row()
    {
        var e = Assert.Throws<AttributionException>(() => new LabelledDataset(TwoClasses, 1, [1], [0]).WithLabels([0, 1]));
        Assert.Equal("Expected 1 labels but got 2", e.Message);
    }
}

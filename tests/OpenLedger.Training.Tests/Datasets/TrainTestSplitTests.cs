using OpenLedger.Training.Datasets;

namespace OpenLedger.Training.Tests.Datasets;

public class TrainTestSplitTests
{
    [Fact]
    public void Each_class_sends_its_rounded_share_to_the_test_split()
    {
        var split = TrainTestSplit.Stratified(DataFiles.Wine(), 0.3, seed: 1);
        // 59, 71, 48 rows: round(17.7) = 18, round(21.3) = 21, round(14.4) = 14.
        Assert.Equal([18, 21, 14], split.Test.ClassCounts());
        Assert.Equal([41, 50, 34], split.Train.ClassCounts());
    }

    [Fact]
    public void Train_and_test_are_disjoint_cover_every_row_and_keep_file_order()
    {
        var wine = DataFiles.Wine();
        var split = TrainTestSplit.Stratified(wine, 0.25, seed: 7);
        Assert.Empty(split.TrainRows.Intersect(split.TestRows));
        Assert.Equal(Enumerable.Range(0, wine.Count), split.TrainRows.Concat(split.TestRows).Order());
        Assert.Equal(split.TrainRows.Order(), split.TrainRows);
        Assert.Equal(split.TestRows.Order(), split.TestRows);
        Assert.Equal(wine.Row(split.TestRows[0]).ToArray(), split.Test.Row(0).ToArray());
        Assert.Equal(wine.Labels[split.TrainRows[^1]], split.Train.Labels[^1]);
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_another()
    {
        var wine = DataFiles.Wine();
        Assert.Equal(TrainTestSplit.Stratified(wine, 0.3, 5).TestRows, TrainTestSplit.Stratified(wine, 0.3, 5).TestRows);
        Assert.NotEqual(TrainTestSplit.Stratified(wine, 0.3, 5).TestRows, TrainTestSplit.Stratified(wine, 0.3, 6).TestRows);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void A_fraction_outside_zero_to_one_is_rejected(double fraction)
    {
        var e = Assert.Throws<AttributionException>(() => TrainTestSplit.Stratified(DataFiles.Iris(), fraction, 1));
        Assert.Equal($"The test fraction must be between 0 and 1 (exclusive) but is {fraction}", e.Message);
    }

    [Fact]
    public void A_split_that_leaves_one_side_empty_is_rejected()
    {
        var tiny = new LabelledDataset(["a", "b"], 1, [1, 2], [0, 1]);
        var e = Assert.Throws<AttributionException>(() => TrainTestSplit.Stratified(tiny, 0.2, 1));
        Assert.Equal("A test fraction of 0.2 of 2 rows leaves 2 training and 0 test rows; both need at least 1", e.Message);
    }
}

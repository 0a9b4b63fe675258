using OpenLedger.Training.Datasets;
using Xunit.Abstractions;

namespace OpenLedger.Training.Tests.Datasets;

public class KnnClassifierTests(ITestOutputHelper output)
{
    private static readonly string[] TwoClasses = ["a", "b"];

    private static LabelledDataset Points(double[] xs, int[] labels) => new(TwoClasses, 1, xs, labels);

    [Fact]
    public void One_nearest_neighbour_on_z_scored_wine_matches_the_published_leave_one_out_accuracy()
    {
        // Aeberhard, Coomans and de Vel (1992): 1-NN on z-scored Wine, leave-one-out, 96.1 %.
        var wine = DataFiles.Wine();
        var scaled = Standardizer.Fit(wine).Transform(wine);
        var accuracy = new KnnClassifier(scaled, 1).LeaveOneOutAccuracy();
        output.WriteLine($"1-NN leave-one-out accuracy on z-scored Wine: {accuracy:P2} ({accuracy * wine.Count:F0}/{wine.Count})");
        Assert.InRange(accuracy * 100, 96.1 - 0.6, 96.1 + 0.6);
    }

    [Fact]
    public void Without_standardisation_wine_is_classified_much_worse_so_the_z_score_matters()
    {
        // Proline (hundreds to 1,680) dominates raw Euclidean distance; the published figure needs the z-score.
        var wine = DataFiles.Wine();
        var raw = new KnnClassifier(wine, 1).LeaveOneOutAccuracy();
        output.WriteLine($"1-NN leave-one-out accuracy on raw Wine: {raw:P2}");
        Assert.True(raw < 0.85, $"raw accuracy {raw}");
    }

    [Fact]
    public void Nearest_neighbour_predicts_the_label_of_the_closest_row()
    {
        var classifier = new KnnClassifier(Points([0, 10], [0, 1]), 1);
        Assert.Equal(0, classifier.Predict([4.9]));
        Assert.Equal(1, classifier.Predict([5.1]));
    }

    [Fact]
    public void Equally_distant_rows_are_ordered_by_row_index()
    {
        Assert.Equal(1, new KnnClassifier(Points([6, 4], [1, 0]), 1).Predict([5]));
        Assert.Equal(0, new KnnClassifier(Points([4, 6], [0, 1]), 1).Predict([5]));
    }

    [Fact]
    public void Majority_of_the_k_nearest_wins_over_the_single_nearest()
    {
        var classifier = new KnnClassifier(Points([0, 1, 1.5, 9], [0, 1, 1, 0]), 3);
        Assert.Equal(1, classifier.Predict([0.1]));
    }

    [Fact]
    public void A_tied_vote_goes_to_the_class_with_the_nearest_member()
    {
        // K = 2, one vote each: the nearer row's class wins, whichever label number it has.
        Assert.Equal(1, new KnnClassifier(Points([1, 2], [1, 0]), 2).Predict([0]));
        Assert.Equal(0, new KnnClassifier(Points([1, 2], [0, 1]), 2).Predict([0]));
    }

    [Fact]
    public void K_larger_than_the_training_set_votes_with_every_row()
    {
        var classifier = new KnnClassifier(Points([0, 1, 2], [1, 1, 0]), 10);
        Assert.Equal(1, classifier.Predict([2]));
    }

    [Fact]
    public void Accuracy_is_the_fraction_of_test_rows_predicted_correctly()
    {
        var classifier = new KnnClassifier(Points([0, 10], [0, 1]), 1);
        Assert.Equal(0.75, classifier.Accuracy(Points([1, 2, 9, 8], [0, 0, 1, 0])));
    }

    [Fact]
    public void Leave_one_out_never_uses_the_row_itself()
    {
        // Every row alone would be 100 % correct; left out, each is classified by the other class's row.
        Assert.Equal(0.0, new KnnClassifier(Points([0, 10], [0, 1]), 1).LeaveOneOutAccuracy());
    }

    [Fact]
    public void K_below_one_is_rejected()
    {
        var e = Assert.Throws<AttributionException>(() => new KnnClassifier(Points([0], [0]), 0));
        Assert.Equal("K must be at least 1 but is 0", e.Message);
    }

    [Fact]
    public void A_point_of_the_wrong_dimension_is_rejected()
    {
        var e = Assert.Throws<AttributionException>(() => new KnnClassifier(Points([0], [0]), 1).Predict([1, 2]));
        Assert.Equal("The classifier was trained on 1 features but got 2", e.Message);
    }

    [Fact]
    public void Leave_one_out_of_a_single_row_is_rejected()
    {
        var e = Assert.Throws<AttributionException>(() => new KnnClassifier(Points([0], [0]), 1).LeaveOneOutAccuracy());
        Assert.Equal("Leave-one-out needs at least 2 rows but got 1", e.Message);
    }

    [Fact]
    public void A_classifier_without_training_rows_is_rejected()
    {
        var e = Assert.Throws<AttributionException>(() => new KnnClassifier(Points([], []), 1));
        Assert.Equal("A k-NN classifier needs at least 1 training row but got none", e.Message);
    }

    [Fact]
    public void Accuracy_on_an_empty_test_split_is_rejected()
    {
        var e = Assert.Throws<AttributionException>(() => new KnnClassifier(Points([0], [0]), 1).Accuracy(Points([], [])));
        Assert.Equal("Accuracy needs at least 1 test row but got none", e.Message);
    }
}

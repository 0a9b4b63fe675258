using OpenLedger.Arena.Data;

namespace OpenLedger.Arena.Tests;

public class DatasetTests
{
    [Theory]
    [InlineData("wine", 178, 13, 3)]
    [InlineData("breast-cancer", 569, 30, 2)]
    [InlineData("digits", 1797, 64, 10)]
    public void Each_dataset_loads_with_its_documented_shape(string name, int rows, int features, int classes)
    {
        var data = ArenaDatasets.Load(Arena.DataDirectory, name);
        Assert.Equal((rows, features, classes), (data.Count, data.Features, data.ClassNames.Count));
    }

    [Fact]
    public void Digits_is_read_from_the_gzipped_file_without_a_header()
    {
        var digits = ArenaDatasets.Load(Arena.DataDirectory, "digits");
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i.ToString()), digits.ClassNames);
        Assert.All(digits.Values, v => Assert.InRange(v, 0, 16));
        Assert.Equal(0, digits.Labels[0]);
    }

    [Fact]
    public void An_unknown_dataset_is_refused_by_name()
    {
        var e = Assert.Throws<ArenaException>(() => ArenaDatasets.Load(Arena.DataDirectory, "mnist"));
        Assert.Equal("Unknown dataset 'mnist'; expected one of wine, breast-cancer, digits", e.Message);
    }

    [Fact]
    public void A_missing_data_folder_is_named()
    {
        var e = Assert.Throws<ArenaException>(() => ArenaDatasets.Load("/nonexistent", "wine"));
        Assert.Contains("/nonexistent/wine_data.csv, which does not exist", e.Message);
    }

    [Fact]
    public void Preparation_splits_30_percent_for_evaluation_and_deals_the_rest_into_honest_shards_and_the_attackers_own()
    {
        var data = Arena.Data("wine");
        Assert.Equal(53, data.Test.Count);
        Assert.Equal(5, data.HonestShards.Count);
        Assert.Equal(178 - 53, data.HonestShards.Sum(s => s.Count) + data.OwnShard.Count);
        Assert.Equal(data.HonestShards.Sum(s => s.Count), data.Published.Count);
    }
}

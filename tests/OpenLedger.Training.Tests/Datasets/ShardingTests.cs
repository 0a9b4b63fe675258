using OpenLedger.Training.Datasets;

namespace OpenLedger.Training.Tests.Datasets;

public class ShardingTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(11)]
    public void Shards_partition_the_training_rows_with_sizes_differing_by_at_most_one(int shards)
    {
        var wine = DataFiles.Wine();
        var assignment = Sharding.Assign(wine, shards, seed: 3);
        Assert.Equal(shards, assignment.Length);
        Assert.Equal(Enumerable.Range(0, wine.Count), assignment.SelectMany(s => s).Order());
        Assert.True(assignment.Max(s => s.Length) - assignment.Min(s => s.Length) <= 1);
        foreach (var rows in assignment) Assert.Equal(rows.Order(), rows);
    }

    [Fact]
    public void Every_shard_holds_each_class_in_about_the_same_proportion()
    {
        var wine = DataFiles.Wine();
        var shards = Sharding.Split(wine, 5, seed: 3);
        for (var label = 0; label < 3; label++)
        {
            var perShard = shards.Select(s => s.ClassCounts()[label]).ToArray();
            // Dealt round-robin by class: per class, shard counts differ by at most one.
            Assert.True(perShard.Max() - perShard.Min() <= 1, $"class {label}: {string.Join(",", perShard)}");
        }
    }

    [Fact]
    public void The_same_seed_deals_the_same_shards_and_another_seed_others()
    {
        var iris = DataFiles.Iris();
        Assert.Equal(Sharding.Assign(iris, 4, 9), Sharding.Assign(iris, 4, 9));
        Assert.NotEqual(Sharding.Assign(iris, 4, 9), Sharding.Assign(iris, 4, 10));
    }

    [Fact]
    public void A_shard_file_reads_back_as_the_shards_rows()
    {
        var shard = Sharding.Split(DataFiles.Wine(), 5, seed: 3)[2];
        var back = SklearnCsv.Parse(SklearnCsv.Write(shard));
        Assert.Equal(shard.Values, back.Values);
        Assert.Equal(shard.Labels, back.Labels);
        Assert.StartsWith($"{shard.Count},13,class_0,class_1,class_2\n", SklearnCsv.Write(shard));
    }

    [Theory]
    [InlineData(0, "Expected at least 1 shard but got 0")]
    [InlineData(151, "150 training rows cannot fill 151 shards: every shard needs at least 1 row")]
    public void Impossible_shard_counts_are_rejected(int shards, string message)
    {
        var e = Assert.Throws<AttributionException>(() => Sharding.Assign(DataFiles.Iris(), shards, 1));
        Assert.Equal(message, e.Message);
    }
}

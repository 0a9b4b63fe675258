using OpenLedger.Training.Datasets;
using OpenLedger.Attribution.Reports;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Training.Tests.Datasets;

public class DemoDatasetTests
{
    [Fact]
    public void Wine_is_split_and_dealt_to_five_contributors_with_one_fully_mislabelled_shard()
    {
        var demo = DemoReports.PrepareWine(contributors: 5, corruptShard: 4);
        Assert.Equal(178, demo.Dataset.Count);
        Assert.Equal(53, demo.Test.Count);
        Assert.Equal(5, demo.Shards.Count);
        Assert.Equal(125, demo.Shards.Sum(s => s.Rows.Count));
        Assert.All(demo.Shards, s => Assert.Equal(25, s.Rows.Count));
        Assert.Equal([false, false, false, false, true], demo.Shards.Select(s => s.IsCorrupted));
        Assert.Equal(Enumerable.Range(0, 25), demo.Shards[4].CorruptedRows);
    }

    [Fact]
    public void Clean_shards_hold_the_training_rows_as_they_are_in_the_file()
    {
        var demo = DemoReports.PrepareWine();
        var fileRows = Enumerable.Range(0, demo.Dataset.Count)
            .Select(i => string.Join(",", demo.Dataset.Row(i).ToArray()) + ":" + demo.Dataset.Labels[i]).ToHashSet();
        foreach (var shard in demo.Shards.Where(s => !s.IsCorrupted))
            for (var r = 0; r < shard.Rows.Count; r++)
                Assert.Contains(string.Join(",", shard.Rows.Row(r).ToArray()) + ":" + shard.Rows.Labels[r], fileRows);
    }

    [Fact]
    public void The_corrupted_shard_has_every_label_moved_to_the_next_class()
    {
        var demo = DemoReports.PrepareWine();
        var clean = DemoDataset.Prepare(DataFiles.WineText, 5, corruptShard: null, DemoReports.Seed);
        var original = clean.Shards[4].Rows;
        var corrupted = demo.Shards[4].Rows;
        Assert.Equal(original.Values, corrupted.Values);
        Assert.Equal(original.Labels.Select(l => (l + 1) % 3), corrupted.Labels);
        Assert.NotEqual(clean.Shards[4].ContentHash, demo.Shards[4].ContentHash);
        Assert.Equal(clean.Shards[0].ContentHash, demo.Shards[0].ContentHash);
    }

    [Fact]
    public void Each_shard_carries_its_canonical_bytes_and_their_keccak()
    {
        foreach (var shard in DemoReports.PrepareWine().Shards)
        {
            Assert.Equal(SklearnCsv.ToBytes(shard.Rows), shard.Bytes);
            Assert.Equal(Keccak.Hash(shard.Bytes), shard.ContentHash);
            var back = SklearnCsv.Read(new StreamReader(new MemoryStream(shard.Bytes)));
            Assert.Equal(shard.Rows.Labels, back.Labels);
        }
    }

    [Fact]
    public void The_same_file_and_seed_give_the_same_hashes_and_another_seed_others()
    {
        var a = DemoReports.PrepareWine();
        var b = DemoReports.PrepareWine();
        var c = DemoDataset.Prepare(DataFiles.WineText, 5, 4, DemoReports.Seed + 1);
        Assert.Equal(a.Shards.Select(s => s.ContentHash), b.Shards.Select(s => s.ContentHash));
        Assert.Equal(a.TestSetHash, b.TestSetHash);
        Assert.NotEqual(a.TestSetHash, c.TestSetHash);
    }

    [Fact]
    public void The_number_of_contributors_does_not_change_the_test_split()
    {
        Assert.Equal(DemoReports.PrepareWine(contributors: 5).TestSetHash, DemoReports.PrepareWine(contributors: 3, corruptShard: 0).TestSetHash);
    }

    [Theory]
    [InlineData(1ul)]
    [InlineData(2ul)]
    [InlineData(3ul)]
    [InlineData(4ul)]
    public void Whatever_the_seed_the_mislabelled_shard_earns_nothing_and_the_clean_ones_earn(ulong seed)
    {
        var demo = DemoDataset.Prepare(DataFiles.WineText, 5, corruptShard: 1, seed);
        var report = PerformanceReportParser.Parse(KnnReportBuilder.Build(DemoReports.Request(demo)));
        var values = AttributionEngine.Distribute(report).Contributions.ToDictionary(c => (int)c.Id, c => c.Value);
        Assert.True(values[2] <= 0, $"corrupted shard valued {values[2]}");
        Assert.All(values.Where(v => v.Key != 2), v => Assert.True(v.Value > 0, $"clean contribution {v.Key} valued {v.Value}"));
    }

    [Fact]
    public void A_split_seed_moves_the_test_rows_away_from_what_the_public_seed_rebuilds_and_is_itself_reproducible()
    {
        var rebuilt = DemoReports.PrepareWine();
        var secret = DemoDataset.Prepare(DataFiles.WineText, 5, corruptShard: 4, DemoReports.Seed, splitSeed: 0x5eC12e7);
        Assert.NotEqual(rebuilt.TestSetHash, secret.TestSetHash);
        Assert.NotEqual(rebuilt.Split.TestRows, secret.Split.TestRows);
        Assert.Equal(rebuilt.Test.ClassCounts(), secret.Test.ClassCounts()); // still stratified, same sizes
        Assert.Equal(secret.TestSetHash, DemoDataset.Prepare(DataFiles.WineText, 5, corruptShard: 4, DemoReports.Seed, splitSeed: 0x5eC12e7).TestSetHash);
        Assert.Equal(secret.TestSetHash, Keccak.Hash(secret.TestBytes));
    }

    [Theory]
    [InlineData(11ul)]
    [InlineData(0xdeadbeefUL)]
    [InlineData(ulong.MaxValue)]
    public void Whatever_the_secret_split_the_mislabelled_shard_earns_nothing_and_the_clean_ones_earn(ulong splitSeed)
    {
        var demo = DemoDataset.Prepare(DataFiles.WineText, 5, corruptShard: 4, DemoReports.Seed, splitSeed: splitSeed);
        var report = PerformanceReportParser.Parse(KnnReportBuilder.Build(DemoReports.Request(demo)));
        var values = AttributionEngine.Distribute(report).Contributions.ToDictionary(c => (int)c.Id, c => c.Value);
        Assert.True(values[5] <= 0, $"corrupted shard valued {values[5]}");
        Assert.All(values.Where(v => v.Key != 5), v => Assert.True(v.Value > 0, $"clean contribution {v.Key} valued {v.Value}"));
    }

    [Fact]
    public void Iris_prepares_the_same_way()
    {
        var demo = DemoDataset.Prepare(DataFiles.IrisText, 3, corruptShard: null, seed: 1);
        Assert.Equal(45, demo.Test.Count);
        Assert.Equal([15, 15, 15], demo.Test.ClassCounts());
        Assert.All(demo.Shards, s => Assert.Equal(35, s.Rows.Count));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(-1)]
    public void A_corrupted_shard_that_does_not_exist_is_rejected(int shard)
    {
        var e = Assert.Throws<AttributionException>(() => DemoDataset.Prepare(DataFiles.WineText, 5, shard, 1));
        Assert.Equal($"The corrupted shard must be between 0 and 4 but is {shard}", e.Message);
    }

    [Fact]
    public void A_malformed_file_is_rejected_with_its_line()
    {
        var e = Assert.Throws<DatasetFormatException>(() => DemoDataset.Prepare("2,1,a,b\n1,0\n", 2, null, 1));
        Assert.Equal(3, e.Line);
    }
}

using System.Numerics;
using OpenLedger.Training.Datasets;
using OpenLedger.Attribution.Reports;
using OpenLedger.Cli.Commands.Operator;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Cli.Tests;

/// <summary>How report knn pairs registered contributions with the files of its data directory.</summary>
public sealed class ShardMatchingTests
{
    private static readonly LabelledDataset[] Datasets =
    [
        SklearnCsv.Parse("1,1,a,b\n0.5,0\n"),
        SklearnCsv.Parse("1,1,a,b\n1.5,1\n"),
        SklearnCsv.Parse("1,1,a,b\n2.5,0\n"),
    ];

    private static ShardFile File(string path, int dataset) => new(path, Datasets[dataset], SklearnCsv.ContentHash(Datasets[dataset]));

    private static ContributionEntry Entry(int id, int dataset, ContributionStatus status = ContributionStatus.Active) =>
        new(new BigInteger(id), Address.Zero, SklearnCsv.ContentHash(Datasets[dataset]), (ulong)id, 0, status);

    [Fact]
    public void Each_contribution_gets_the_file_with_its_content_hash_and_keeps_its_status()
    {
        var matching = ShardMatching.Match([Entry(1, 0), Entry(2, 1, ContributionStatus.Slashed), Entry(3, 2, ContributionStatus.Flagged)],
            [File("c.csv", 2), File("a.csv", 0), File("b.csv", 1)]);

        Assert.Equal(["a.csv", "b.csv", "c.csv"], matching.Shards.Select(s => s.Path));
        Assert.Equal([ContributionStatus.Active, ContributionStatus.Slashed, ContributionStatus.Flagged], matching.Shards.Select(s => s.Shard.Contribution.Status));
        Assert.Same(Datasets[1], matching.Shards[1].Shard.Rows);
        Assert.Empty(matching.Missing);
        Assert.Empty(matching.Ignored);
    }

    [Fact]
    public void Unslashed_contribution_without_a_file_is_missing_and_a_slashed_one_is_left_out()
    {
        var matching = ShardMatching.Match([Entry(1, 0), Entry(2, 1), Entry(3, 2, ContributionStatus.Slashed)], [File("a.csv", 0)]);

        Assert.Equal([SklearnCsv.ContentHash(Datasets[1])], matching.Missing);
        Assert.Equal([new BigInteger(3)], matching.SlashedWithoutFile.Select(c => c.Id));
        Assert.Single(matching.Shards);
    }

    [Fact]
    public void Files_matching_no_contribution_and_second_copies_are_ignored_with_the_reason()
    {
        var matching = ShardMatching.Match([Entry(1, 0)], [File("a.csv", 0), File("copy.csv", 0), File("other.csv", 2)]);

        Assert.Equal("a.csv", matching.Shards.Single().Path);
        Assert.Equal(
            [("copy.csv", "same content as a.csv"), ("other.csv", $"content hash {SklearnCsv.ContentHash(Datasets[2])} is not a contribution of this model")],
            matching.Ignored);
    }
}

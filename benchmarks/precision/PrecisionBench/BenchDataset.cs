using System.Numerics;
using OpenLedger.Attribution.Reports;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Arena.Data;
using OpenLedger.Training.Datasets;

namespace PrecisionBench;

/// <summary>
/// One dataset of data/ dealt to contributors as the benchmark uses it: a stratified 30 % test split, the training rows
/// dealt to <c>contributions</c> shards (<see cref="Sharding"/>), and the last three shards' labels shifted for 25 %,
/// 50 % and 100 % of their rows, so the contributions differ in worth as they do in a real epoch.
/// </summary>
public sealed record BenchDataset(string Name, LabelledDataset Test, IReadOnlyList<ContributedShard> Shards)
{
    public static readonly double[] Corruption = [0.25, 0.5, 1.0];

    public static BenchDataset Load(string repo, string name, int contributions, ulong seed)
    {
        var dataset = ArenaDatasets.Load(Path.Combine(repo, "data"), name);
        var split = TrainTestSplit.Stratified(dataset, 0.3, seed);
        var shards = Sharding.Split(split.Train, contributions, seed);
        for (var i = 0; i < Corruption.Length; i++)
        {
            var s = contributions - Corruption.Length + i;
            shards[s] = LabelCorruption.Shift(shards[s], Corruption[i], seed + (ulong)s);
        }
        var registered = shards.Select((rows, i) => new ContributedShard(
            new ContributionEntry(i + 1, Contributor(i + 1), SklearnCsv.ContentHash(rows), 10 + (ulong)i, 0, ContributionStatus.Active), rows)).ToArray();
        return new BenchDataset(name, split.Test, registered);
    }

    public IReadOnlyList<BigInteger> Ids => Shards.Select(s => s.Contribution.Id).ToArray();

    private static Address Contributor(int n)
    {
        var bytes = new byte[20];
        bytes[0] = 0xB0;
        bytes[19] = (byte)n;
        return new Address(bytes);
    }
}

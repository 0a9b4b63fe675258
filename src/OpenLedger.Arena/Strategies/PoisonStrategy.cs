using OpenLedger.Arena.Data;
using OpenLedger.Training.Datasets;
using OpenLedger.Attribution.Sampling;

namespace OpenLedger.Arena.Strategies;

/// <summary>
/// The attacker's own genuine shard with round(<paramref name="Fraction"/> × rows) labels corrupted: flipped to a
/// random other class, or shifted to the next class (<see cref="LabelCorruption"/>); optionally padded with
/// <paramref name="Padding"/> × as many majority-labelled junk rows, appended after the shard's rows.
/// </summary>
public sealed record PoisonStrategy(string Name, double Fraction, bool Shift = false, double Padding = 0) : IStrategy
{
    public StrategyFamily Family => StrategyFamily.Poisoning;

    public string Description => $"the attacker's own shard with {Fraction:P0} of its labels {(Shift ? "shifted to the next class" : "flipped to a random other class")}" +
        (Padding > 0 ? $", padded with {Padding:0.##} × as many majority-labelled junk rows" : "");

    public AttackPlan Plan(ArenaData data, DeterministicRandom random)
    {
        var rows = data.OwnShard.WithLabels(Corrupt(data.OwnShard, Fraction, Shift, random, out _));
        if (Padding > 0) rows = LabelledDataset.Concat([rows, JunkStrategy.Rows(data, JunkKind.Majority, (int)Math.Round(Padding * rows.Count), random)]);
        return new AttackPlan([new Submission(Play.ArenaWallets.Attacker, rows)]);
    }

    /// <summary>The corrupted labels and which rows changed (ascending).</summary>
    public static int[] Corrupt(LabelledDataset shard, double fraction, bool shift, DeterministicRandom random, out int[] changed)
    {
        if (shift) return LabelCorruption.ShiftedLabels(shard, fraction, random.NextUInt64(), out changed);
        var count = (int)Math.Round(shard.Count * fraction, MidpointRounding.ToEven);
        changed = random.Permutation(shard.Count).Take(count).Order().ToArray();
        var labels = (int[])shard.Labels.Clone();
        var classes = shard.ClassNames.Count;
        foreach (var row in changed) labels[row] = (labels[row] + 1 + random.NextInt(classes - 1)) % classes;
        return labels;
    }
}

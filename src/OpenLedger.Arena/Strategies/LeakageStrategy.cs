using OpenLedger.Arena.Data;
using OpenLedger.Training.Datasets;
using OpenLedger.Attribution.Sampling;

namespace OpenLedger.Arena.Strategies;

/// <summary>
/// Copies of evaluation rows, correctly labelled (the evaluation split can be rebuilt, and every report publishes it):
/// a <paramref name="Fraction"/> of them, with uniform noise of <paramref name="Noise"/> × each feature's spread,
/// optionally mixed with the attacker's own rows.
/// </summary>
public sealed record LeakageStrategy(string Name, double Noise = 0, double Fraction = 1, bool MixOwn = false) : IStrategy
{
    public StrategyFamily Family => StrategyFamily.Leakage;

    public string Description =>
        $"{(Fraction < 1 ? $"{Fraction:P0} of " : "")}the evaluation rows" + (Noise > 0 ? $" with noise of {Noise:P0} of each feature's spread" : ", exact") +
        (MixOwn ? ", mixed with the attacker's own rows" : "");

    public AttackPlan Plan(ArenaData data, DeterministicRandom random)
    {
        var rows = Fraction < 1 ? RowMaker.Subset(data.Test, Fraction, random) : data.Test;
        if (Noise > 0) rows = RowMaker.Noise(rows, data.FeatureSd, Noise, random);
        if (MixOwn) rows = LabelledDataset.Concat([rows, data.OwnShard]);
        return new AttackPlan([new Submission(Play.ArenaWallets.Attacker, RowMaker.Shuffle(rows, random))]);
    }
}

using OpenLedger.Arena.Data;
using OpenLedger.Training.Datasets;
using OpenLedger.Attribution.Sampling;

namespace OpenLedger.Arena.Strategies;

/// <summary>
/// A copy of the first honest contributor's published shard under a new wallet: re-ordered (so its content hash is
/// new), optionally with uniform noise of <paramref name="Noise"/> × each feature's spread, only a
/// <paramref name="Fraction"/> of it, or mixed with the attacker's own rows; registered in the original's epoch or in
/// a later one.
/// </summary>
public sealed record CopyStrategy(string Name, double Noise = 0, double Fraction = 1, bool MixOwn = false, bool LaterEpoch = false) : IStrategy
{
    public StrategyFamily Family => StrategyFamily.Copy;

    public string Description =>
        $"{(Fraction < 1 ? $"{Fraction:P0} of " : "")}contributor 1's rows re-ordered" +
        (Noise > 0 ? $", each value moved by up to {Noise:0.#########} × its feature's spread" : "") +
        (MixOwn ? ", mixed with the attacker's own rows" : "") +
        (LaterEpoch ? "; registered in a later epoch" : "; registered in the same epoch");

    public AttackPlan Plan(ArenaData data, DeterministicRandom random)
    {
        var rows = data.HonestShards[0];
        if (Fraction < 1) rows = RowMaker.Subset(rows, Fraction, random);
        if (Noise > 0) rows = RowMaker.Noise(rows, data.FeatureSd, Noise, random);
        if (MixOwn) rows = LabelledDataset.Concat([rows, data.OwnShard]);
        return new AttackPlan([new Submission(Play.ArenaWallets.Attacker, RowMaker.Shuffle(rows, random))], LaterEpoch: LaterEpoch, CopiedHonest: 0);
    }
}

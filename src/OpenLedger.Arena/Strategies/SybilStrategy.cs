using OpenLedger.Arena.Data;
using OpenLedger.Training.Datasets;
using OpenLedger.Attribution.Sampling;

namespace OpenLedger.Arena.Strategies;

/// <summary>
/// One person's data repackaged: contributor 1's shard dealt over <paramref name="Pieces"/> contributions from as many
/// wallets (a split), or, with <paramref name="Merge"/>, contributors 1 and 2's shards registered as one contribution
/// by one wallet. Measured against the same person unsplit: a neutral method pays them the same.
/// </summary>
public sealed record SybilStrategy(string Name, int Pieces = 1, bool Merge = false) : IStrategy
{
    public StrategyFamily Family => StrategyFamily.Sybil;

    public string Description => Merge
        ? "contributors 1 and 2's shards as one contribution of one wallet, against the two registered separately"
        : $"contributor 1's shard dealt over {Pieces} contributions from {Pieces} wallets, against it registered whole";

    public AttackPlan Plan(ArenaData data, DeterministicRandom random)
    {
        if (Merge)
            return new AttackPlan([new Submission(Play.ArenaWallets.Honest(0), LabelledDataset.Concat([data.HonestShards[0], data.HonestShards[1]]))],
                RemovedHonest: [0, 1], PersonHonest: [0, 1]);
        var shard = data.HonestShards[0];
        if (Pieces < 2 || Pieces > shard.Count) throw new ArenaException($"A shard of {shard.Count} rows cannot be split into {Pieces} pieces");
        var pieces = Enumerable.Range(0, Pieces).Select(p => new Submission(
            p == 0 ? Play.ArenaWallets.Honest(0) : Play.ArenaWallets.Attacker + p,
            shard.Select(Enumerable.Range(0, shard.Count).Where(i => i % Pieces == p).ToArray()))).ToArray();
        return new AttackPlan(pieces, RemovedHonest: [0], PersonHonest: [0]);
    }
}

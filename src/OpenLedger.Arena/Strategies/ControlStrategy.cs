using OpenLedger.Arena.Data;
using OpenLedger.Attribution.Sampling;

namespace OpenLedger.Arena.Strategies;

/// <summary>
/// Not an attack: a latecomer registers its own genuine shard. A defence that stops copies or junk by paying nothing
/// to anyone after the first registrations fails here.
/// </summary>
public sealed record ControlStrategy(string Name) : IStrategy
{
    public StrategyFamily Family => StrategyFamily.Control;

    public string Description => "an honest newcomer registers its own genuine shard after the others";

    public AttackPlan Plan(ArenaData data, DeterministicRandom random) =>
        new([new Submission(Play.ArenaWallets.Attacker, data.OwnShard)]);
}

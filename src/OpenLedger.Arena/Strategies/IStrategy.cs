using OpenLedger.Arena.Data;
using OpenLedger.Attribution.Sampling;

namespace OpenLedger.Arena.Strategies;

/// <summary>One attack, parameterised by its constructor and seeded by the random source it is given.</summary>
public interface IStrategy
{
    /// <summary>Kebab-case name used on the command line and the board.</summary>
    string Name { get; }

    StrategyFamily Family { get; }

    /// <summary>One sentence: what the attacker registers and from what it could see.</summary>
    string Description { get; }

    AttackPlan Plan(ArenaData data, DeterministicRandom random);
}

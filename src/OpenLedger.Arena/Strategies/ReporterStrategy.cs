using OpenLedger.Arena.Data;
using OpenLedger.Attribution.Sampling;

namespace OpenLedger.Arena.Strategies;

/// <summary>
/// The reporter favours contributor 1 when it samples tmc-shapley permutations or banzhaf coalitions: by trying
/// <see cref="Seeds"/> seeds and publishing the best, or by keeping the report's seed and stopping the sample stream
/// at the length that suits contributor 1 best. Only sampled methods can be attacked this way.
/// </summary>
public sealed record ReporterStrategy(string Name, ReporterAttack Attack) : IStrategy
{
    public const int Seeds = 32;

    public StrategyFamily Family => StrategyFamily.Reporter;

    public string Description => Attack == ReporterAttack.CherryPickSeed
        ? $"the reporter draws sampled evidence under {Seeds} seeds of its choice and publishes the one paying contributor 1 most"
        : "the reporter uses the report's seed but publishes the sample count (¼ to 2 × the usual) paying contributor 1 most";

    public AttackPlan Plan(ArenaData data, DeterministicRandom random) => new([], PersonHonest: [0], Reporter: Attack);
}

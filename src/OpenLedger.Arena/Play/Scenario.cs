using OpenLedger.Arena.Data;
using OpenLedger.Arena.Strategies;

namespace OpenLedger.Arena.Play;

/// <summary>
/// A dataset's honest contributors (registered first, one block each, in shard order) and the attacker's
/// registrations after them: in the same epoch a few blocks later, or, for a later epoch, after the cohort boundary
/// <see cref="Boundary"/> (the originals stay registered before it and are still in the report).
/// </summary>
public sealed record Scenario(ArenaData Data, IReadOnlyList<Submission> Honest, IReadOnlyList<Submission> Added, bool LaterEpoch)
{
    public const ulong HonestBlock = 100;
    public const ulong AttackerBlock = 110;
    public const ulong Boundary = 200;
    public const ulong LaterBlock = 250;

    public ulong Epoch => LaterEpoch ? 2UL : 1UL;

    /// <summary>Block numbers where a new cohort starts (ascending), for methods that take <c>cohortBoundaries</c>.</summary>
    public IReadOnlyList<ulong> CohortBoundaries => LaterEpoch ? [Boundary] : [];

    /// <summary>Every registration in registration order, with its block: honest first, then the attacker's.</summary>
    public IEnumerable<(Submission Submission, ulong Block, bool Attacker)> Registrations() =>
        Honest.Select((s, i) => (s, HonestBlock + (ulong)i, false))
            .Concat(Added.Select((s, i) => (s, (LaterEpoch ? LaterBlock : AttackerBlock) + (ulong)i, true)));

    public static Scenario Of(ArenaData data, AttackPlan plan) =>
        new(data,
            Enumerable.Range(0, data.HonestShards.Count).Where(i => !plan.Removed.Contains(i))
                .Select(i => new Submission(ArenaWallets.Honest(i), data.HonestShards[i])).ToArray(),
            plan.Added, plan.LaterEpoch);

    /// <summary>The same scenario without any attacker: the reference honest shares are measured on it.</summary>
    public static Scenario HonestOnly(ArenaData data, bool laterEpoch) => Of(data, new AttackPlan([], LaterEpoch: laterEpoch));
}

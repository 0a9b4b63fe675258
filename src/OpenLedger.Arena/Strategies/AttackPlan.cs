namespace OpenLedger.Arena.Strategies;

/// <summary>
/// What a strategy does to the honest scenario. <see cref="Added"/> are the attacker's registrations (after the honest
/// ones; in a later epoch when <see cref="LaterEpoch"/>); <see cref="RemovedHonest"/> are honest shards not registered
/// as such (a sybil registers them in pieces instead); the attacker is the person behind <see cref="Added"/>, whose
/// reference is the unattacked share of <see cref="PersonHonest"/> (0 for an outsider).
/// </summary>
public sealed record AttackPlan(
    IReadOnlyList<Submission> Added,
    IReadOnlyList<int>? RemovedHonest = null,
    IReadOnlyList<int>? PersonHonest = null,
    bool LaterEpoch = false,
    ReporterAttack Reporter = ReporterAttack.None,
    int? CopiedHonest = null)
{
    public IReadOnlyList<int> Removed => RemovedHonest ?? [];

    public IReadOnlyList<int> Person => PersonHonest ?? [];
}

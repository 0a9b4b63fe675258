using OpenLedger.Arena.Strategies;

namespace OpenLedger.Arena.Board;

/// <summary>
/// Issue 14's targets, per strategy, as a sentence and a check on a cell. <c>clean</c> is the attacker's share when it
/// registers its own genuine shard alone (the honest-newcomer scenario, same method): what a poisoned or mixed
/// contribution is measured against.
/// </summary>
public static class Targets
{
    public static (string? Text, bool? Met) Check(IStrategy strategy, Cell c, double clean, bool sampled)
    {
        if (!c.Played) return (null, null);
        return strategy switch
        {
            ControlStrategy => ("earns > 0", c.AttackerShare > 0),
            CopyStrategy { MixOwn: true } => ($"≤ own rows' share ({clean:0.00} %) + 1 %, original moves ≤ 1 pp",
                c.AttackerShare <= clean + 1 && Math.Abs(c.OriginalChange ?? 0) <= 1),
            CopyStrategy => ("≤ 1 %, original moves ≤ 1 pp", c.AttackerShare <= 1 && Math.Abs(c.OriginalChange ?? 0) <= 1),
            JunkStrategy => ("≤ 1 %, honest move ≤ 1 pp", c.AttackerShare <= 1 && c.MaxHonestChange <= 1),
            SyntheticStrategy => ("≤ 2 %, honest move ≤ 1 pp", c.AttackerShare <= 2 && c.MaxHonestChange <= 1),
            LeakageStrategy { MixOwn: true } => ($"leaked rows earn 0: ≤ own rows' share ({clean:0.00} %) + 0.5 pp", c.AttackerShare <= clean + 0.5),
            LeakageStrategy => ("earns 0", c.AttackerShare == 0),
            PoisonStrategy p => Poison(p, c, clean),
            SybilStrategy => ("person's total moves ≤ 0.01 pp", Math.Abs(c.AttackerShare - c.ReferenceShare) <= 0.01),
            ReporterStrategy { Attack: ReporterAttack.CherryPickSeed } => sampled ? ("refused", c.Refused is not null) : (null, null),
            ReporterStrategy => sampled ? ("favoured moves ≤ 1 pp", Math.Abs(c.AttackerShare - c.ReferenceShare) <= 1) : (null, null),
            _ => (null, null),
        };
    }

    private static (string, bool) Poison(PoisonStrategy p, Cell c, double clean)
    {
        // Harmful items are a fraction of the shard; padding adds junk that must not net the harm away.
        var cap = (1 - p.Fraction) * clean;
        var paid = c.AttackerShare <= cap + 1e-9;
        return p.Fraction >= 0.2
            ? ($"flagged, ≤ {1 - p.Fraction:0.#} × clean ({cap:0.00} %)", c.Flagged && paid)
            : ($"≤ {1 - p.Fraction:0.#} × clean ({cap:0.00} %)", paid);
    }
}

using System.Text.Json.Nodes;
using OpenLedger.Arena.Strategies;
using OpenLedger.Attribution;
using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Reports;
using OpenLedger.Attribution.Sampling;

namespace OpenLedger.Arena.Play;

/// <summary>
/// Plays one scenario against each method: builds the method's report, has the engine distribute it exactly as the
/// node would (parse, validate, attribute) and reads the outcome for the attacker's wallets.
/// </summary>
public static class ScenarioPlayer
{
    public static MethodOutcome[] Play(ScenarioReport report, IReadOnlyList<ArenaMethod> methods, ArenaSettings settings,
        ReporterAttack attack, IReadOnlySet<int> attackerWallets)
    {
        CoalitionGame? game = null;
        var seed = SamplingSeed.Derive(ArenaSettings.ModelId, report.Epoch, report.TestSetHash);
        return methods.Select(method =>
        {
            if (attack != ReporterAttack.None && !method.Sampled) return MethodOutcome.Skipped("nothing sampled");
            if (method.NotPlayable(report, settings) is { } reason) return MethodOutcome.Skipped(reason);
            if (method.ItemLevel) return Outcome(report, () => report.DistributeItemLevel(method.Name), attackerWallets);
            game ??= new CoalitionGame(report, settings.K);
            var count = method.DefaultCount(settings);
            return attack switch
            {
                ReporterAttack.CherryPickSeed => CherryPick(report, game, method, settings, seed, count, attackerWallets),
                ReporterAttack.OptionalStopping => OptionalStopping(report, game, method, settings, seed, count, attackerWallets),
                _ => Outcome(report, () => report.Distribute(AttributionJson.ToJson(method.Generate(report, game, settings, seed, count))), attackerWallets),
            };
        }).ToArray();
    }

    /// <summary>
    /// Tries <see cref="ReporterStrategy.Seeds"/> seeds of the reporter's choosing, keeps the one paying the favoured
    /// wallets most (distributed directly, as a verifier that does not redraw would) and submits it as a report.
    /// </summary>
    private static MethodOutcome CherryPick(ScenarioReport report, CoalitionGame game, ArenaMethod method, ArenaSettings settings,
        ulong derived, int count, IReadOnlySet<int> favoured)
    {
        var honest = report.Parse(AttributionJson.ToJson(method.Generate(report, game, settings, derived, count)));
        var (spec, share) = Enumerable.Range(1, ReporterStrategy.Seeds)
            .Select(s => method.Generate(report, game, settings, (ulong)s, count))
            .Select(spec => (spec, share: ShareOf(AttributionEngine.Distribute(honest with { Attribution = spec }), favoured)))
            .MaxBy(x => x.share);
        var outcome = Outcome(report, () => report.Distribute(AttributionJson.ToJson(spec)), favoured);
        return outcome.Refused is null ? outcome : outcome with { AttemptedShare = share };
    }

    /// <summary>The report's own seed, but the sample count among ¼, ½, … 2 × the usual that pays the favoured wallets most.</summary>
    private static MethodOutcome OptionalStopping(ScenarioReport report, CoalitionGame game, ArenaMethod method, ArenaSettings settings,
        ulong derived, int count, IReadOnlySet<int> favoured)
    {
        var longest = method.Generate(report, game, settings, derived, 2 * count);
        var honest = report.Parse(AttributionJson.ToJson(longest));
        var best = Enumerable.Range(1, 8).Select(q => Prefix(longest, Math.Max(2, q * count / 4)))
            .Select(spec => (spec, share: TryShare(honest, spec, favoured)))
            .Where(x => x.share is not null)
            .MaxBy(x => x.share!.Value).spec;
        return Outcome(report, () => report.Distribute(AttributionJson.ToJson(best)), favoured);
    }

    private static double? TryShare(PerformanceReport report, AttributionSpec spec, IReadOnlySet<int> wallets)
    {
        try { return ShareOf(AttributionEngine.Distribute(report with { Attribution = spec }), wallets); }
        catch (AttributionException) { return null; } // too few samples for a player to be both in and out
    }

    private static AttributionSpec Prefix(AttributionSpec spec, int count) => new(spec.Method, spec.Evidence switch
    {
        TmcShapleyEvidence e => e with { Permutations = e.Permutations.Take(count).ToArray() },
        BanzhafEvidence e => e with { Samples = e.Samples.Take(count).ToArray() },
        _ => throw new ArenaException($"{spec.Method} evidence is not sampled"),
    });

    private static MethodOutcome Outcome(ScenarioReport report, Func<Distribution> distribute, IReadOnlySet<int> attacker)
    {
        Distribution d;
        try
        {
            d = distribute();
        }
        catch (ReportValidationException e)
        {
            return new MethodOutcome(new Dictionary<int, double>(), Refused: e.Problems[0].ToString());
        }
        var wallets = report.Scenario.Registrations().Select(r => r.Submission.Wallet).Distinct()
            .ToDictionary(ArenaWallets.Address, w => w);
        var shares = d.Allocations.ToDictionary(a => wallets[a.Account], a => Percent(a.Open));
        var mine = d.Contributions.Where(c => attacker.Contains(wallets[c.Contributor])).ToArray();
        var excluded = mine.Where(c => c.Outcome != ContributionOutcome.Credited).Select(c => c.Outcome.ToString().ToLowerInvariant()).Distinct().ToArray();
        return new MethodOutcome(shares, mine.Sum(c => c.Value),
            d.FlagCandidates.Any(f => attacker.Contains(wallets[f.Contributor])),
            excluded.Length == 0 ? null : string.Join("+", excluded));
    }

    private static double ShareOf(Distribution d, IReadOnlySet<int> wallets) =>
        d.Allocations.Where(a => wallets.Any(w => ArenaWallets.Address(w) == a.Account)).Sum(a => Percent(a.Open));

    private static double Percent(System.Numerics.BigInteger open) => (double)open / (double)ArenaSettings.Open * 100;
}

using System.Buffers.Binary;
using OpenLedger.Arena.Board;
using OpenLedger.Arena.Data;
using OpenLedger.Arena.Play;
using OpenLedger.Arena.Strategies;
using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Sampling;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Arena;

/// <summary>
/// Plays every selected strategy against every selected method on every selected dataset and returns the board.
/// Scenarios run in parallel but each is a pure function of the settings' seed, the dataset and the strategy's
/// name, so the board is the same, byte for byte, whatever the thread count.
/// </summary>
public static class ArenaRunner
{
    private const string HonestSame = "(honest, same epoch)";
    private const string HonestLater = "(honest, later epoch)";
    private const string Control = "honest-newcomer";

    /// <summary>Throws an <see cref="ArenaException"/> naming the first unknown dataset, method or strategy of the request.</summary>
    public static void CheckNames(ArenaRequest request)
    {
        Select(request.Datasets, ArenaDatasets.Names, "dataset");
        foreach (var name in request.Methods ?? []) MethodCatalog.Get(name);
        Select(request.Strategies, StrategyCatalog.All.Select(s => s.Name).ToArray(), "strategy");
    }

    public static Scoreboard Run(ArenaRequest request)
    {
        CheckNames(request);
        var datasetNames = Select(request.Datasets, ArenaDatasets.Names, "dataset");
        var methods = Select(request.Methods, MethodCatalog.Names, "method").Select(MethodCatalog.Get).ToArray();
        var strategies = Select(request.Strategies, StrategyCatalog.All.Select(s => s.Name).ToArray(), "strategy").Select(StrategyCatalog.Get).ToArray();
        var settings = request.Settings;

        var data = datasetNames.Select(name =>
            ArenaData.Prepare(name, ArenaDatasets.Load(request.DataDirectory, name), Seed(settings.Seed, name), settings.HonestContributors)).ToArray();
        var control = StrategyCatalog.Get(Control);
        (ArenaData Data, string Key, IStrategy? Strategy, bool Later)[] work = data.SelectMany(d => new (ArenaData, string, IStrategy?, bool)[]
            {
                (d, HonestSame, null, false),
                (d, HonestLater, null, true),
                (d, Control, control, false),
            }.Concat(strategies.Where(s => s.Name != Control).Select(s => (d, s.Name, (IStrategy?)s, false)))).ToArray();

        var played = new (MethodOutcome[] Outcomes, ScenarioReport Report, AttackPlan Plan)[work.Length];
        Parallel.For(0, work.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (d, key, strategy, later) = work[i];
            var plan = strategy?.Plan(d, new DeterministicRandom(Seed(settings.Seed, $"{d.Name}/{key}"))) ?? new AttackPlan([], LaterEpoch: later);
            var report = ItemEvidence.Build(Scenario.Of(d, plan), settings);
            var attacker = plan.Added.Select(s => s.Wallet)
                .Concat(plan.Reporter == ReporterAttack.None ? [] : plan.Person.Select(ArenaWallets.Honest)).ToHashSet();
            played[i] = (ScenarioPlayer.Play(report, methods, settings, plan.Reporter, attacker), report, plan);
        });
        var results = Enumerable.Range(0, work.Length).ToDictionary(i => (work[i].Data.Name, work[i].Key), i => played[i]);

        var cells = new List<Cell>();
        foreach (var d in data)
            foreach (var strategy in strategies)
            {
                var (outcomes, _, plan) = results[(d.Name, strategy.Name)];
                var reference = results[(d.Name, plan.LaterEpoch ? HonestLater : HonestSame)].Outcomes;
                var clean = results[(d.Name, Control)].Outcomes;
                for (var m = 0; m < methods.Length; m++)
                    cells.Add(Score(d, strategy, plan, methods[m], outcomes[m], reference[m], clean[m]));
            }
        var infos = data.Select(d =>
        {
            var honest = results[(d.Name, HonestSame)].Report;
            return new DatasetInfo(d.Name, d.Full.Count, d.Full.Features, d.Full.ClassNames.Count, d.Test.Count,
                d.HonestShards.Select(s => s.Count).ToArray(), d.OwnShard.Count, honest.Score, honest.Baseline);
        }).ToArray();
        return new Scoreboard(settings, AttributionMethods.Default, infos, methods, strategies, cells);
    }

    private static Cell Score(ArenaData d, IStrategy strategy, AttackPlan plan, ArenaMethod method, MethodOutcome o, MethodOutcome reference, MethodOutcome clean)
    {
        var person = plan.Person.Select(ArenaWallets.Honest).ToArray();
        var attacker = plan.Added.Select(s => s.Wallet).Concat(plan.Reporter == ReporterAttack.None ? [] : person).Distinct().ToArray();
        var honest = Enumerable.Range(0, d.HonestShards.Count).Where(i => !plan.Removed.Contains(i) && !plan.Person.Contains(i)).Select(ArenaWallets.Honest).ToArray();
        var notPlayed = o.NotPlayed ?? reference.NotPlayed;
        var paid = notPlayed is null && o.Refused is null;
        var changes = paid ? honest.Select(w => o.Shares.GetValueOrDefault(w) - reference.Shares.GetValueOrDefault(w)).ToArray() : [];
        var cell = new Cell(d.Name, strategy.Name, strategy.Family, method.Name, notPlayed, o.Refused,
            paid ? o.ShareOf(attacker) : 0,
            reference.ShareOf(person),
            o.AttemptedShare,
            changes.Length == 0 ? 0 : changes.Max(Math.Abs),
            paid ? -changes.Sum() : 0,
            paid && plan.CopiedHonest is { } c ? o.Shares.GetValueOrDefault(ArenaWallets.Honest(c)) - OriginalReference(strategy, plan, reference, clean).Shares.GetValueOrDefault(ArenaWallets.Honest(c)) : null,
            o.Flagged, o.Excluded, o.AttackerValue, null, null);
        var (text, met) = Targets.Check(strategy, cell, clean.ShareOf([ArenaWallets.Attacker]), method.Sampled);
        return cell with { Target = text, Met = met };
    }

    /// <summary>
    /// What the copied original would hold without the copy. A copy mixed with the attacker's own genuine rows is
    /// compared with the attacker registering those own rows alone (the control, same epoch): genuine rows may rightly
    /// take slots from the original, and only what the copied rows do is the copy's effect.
    /// </summary>
    private static MethodOutcome OriginalReference(IStrategy strategy, AttackPlan plan, MethodOutcome reference, MethodOutcome clean) =>
        strategy is CopyStrategy { MixOwn: true } && !plan.LaterEpoch ? clean : reference;

    private static IReadOnlyList<string> Select(IReadOnlyList<string>? asked, IReadOnlyList<string> known, string what)
    {
        if (asked is null || asked.Count == 0) return known;
        var unknown = asked.Where(a => !known.Contains(a)).ToArray();
        if (unknown.Length > 0)
            throw new ArenaException($"Unknown {what} '{unknown[0]}'; expected one of {string.Join(", ", known)}");
        return known.Where(asked.Contains).ToArray();
    }

    /// <summary>A 64-bit seed for one named part of the board: keccak256 of "seed/name", first 8 bytes.</summary>
    internal static ulong Seed(ulong seed, string name) =>
        BinaryPrimitives.ReadUInt64BigEndian(Keccak.Hash($"openledger.arena/{seed}/{name}").AsSpan());
}

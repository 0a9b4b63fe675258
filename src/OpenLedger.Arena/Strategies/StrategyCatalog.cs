namespace OpenLedger.Arena.Strategies;

/// <summary>Every strategy the arena plays, in board order, and the few the quick board keeps.</summary>
public static class StrategyCatalog
{
    public static IReadOnlyList<IStrategy> All { get; } =
    [
        new ControlStrategy("honest-newcomer"),
        .. Copies(later: false),
        .. Copies(later: true),
        new JunkStrategy("junk-random-0.5x", JunkKind.Random, 0.5),
        new JunkStrategy("junk-random-1x", JunkKind.Random, 1),
        new JunkStrategy("junk-random-4x", JunkKind.Random, 4),
        new JunkStrategy("junk-majority-0.5x", JunkKind.Majority, 0.5),
        new JunkStrategy("junk-majority-1x", JunkKind.Majority, 1),
        new JunkStrategy("junk-majority-4x", JunkKind.Majority, 4),
        new JunkStrategy("junk-outliers-1x", JunkKind.Outliers, 1),
        new SyntheticStrategy("synthetic-interpolate", SyntheticKind.Interpolate),
        new SyntheticStrategy("synthetic-jitter", SyntheticKind.Jitter),
        new SyntheticStrategy("synthetic-centroid", SyntheticKind.Centroid),
        new SyntheticStrategy("synthetic-interpolate-later", SyntheticKind.Interpolate, LaterEpoch: true),
        new SyntheticStrategy("synthetic-jitter-later", SyntheticKind.Jitter, LaterEpoch: true),
        new SyntheticStrategy("synthetic-centroid-later", SyntheticKind.Centroid, LaterEpoch: true),
        new LeakageStrategy("leak-exact"),
        new LeakageStrategy("leak-noise-1pct", Noise: 0.01),
        new LeakageStrategy("leak-half-mixed", Fraction: 0.5, MixOwn: true),
        new PoisonStrategy("poison-flip-10pct", 0.1),
        new PoisonStrategy("poison-flip-20pct", 0.2),
        new PoisonStrategy("poison-flip-50pct", 0.5),
        new PoisonStrategy("poison-flip-100pct", 1.0),
        new PoisonStrategy("poison-shift-20pct", 0.2, Shift: true),
        new PoisonStrategy("poison-shift-50pct", 0.5, Shift: true),
        new PoisonStrategy("poison-flip-50pct-padded-4x", 0.5, Padding: 4),
        new SybilStrategy("sybil-split-2", Pieces: 2),
        new SybilStrategy("sybil-split-5", Pieces: 5),
        new SybilStrategy("sybil-merge", Merge: true),
        new ReporterStrategy("reporter-cherry-pick", ReporterAttack.CherryPickSeed),
        new ReporterStrategy("reporter-optional-stopping", ReporterAttack.OptionalStopping),
    ];

    /// <summary>One strategy per family or so: the smoke board of <c>openledger arena --quick</c>.</summary>
    public static IReadOnlyList<string> Quick { get; } =
        ["honest-newcomer", "copy-exact", "copy-noise-1pct-later", "junk-majority-1x", "synthetic-interpolate", "leak-exact",
         "poison-flip-50pct", "sybil-split-2", "reporter-cherry-pick"];

    public static IStrategy Get(string name) =>
        All.FirstOrDefault(s => s.Name == name)
        ?? throw new ArenaException($"Unknown strategy '{name}'; expected one of {string.Join(", ", All.Select(s => s.Name))}");

    private static IEnumerable<IStrategy> Copies(bool later)
    {
        var suffix = later ? "-later" : "";
        yield return new CopyStrategy("copy-exact" + suffix, LaterEpoch: later);
        yield return new CopyStrategy("copy-noise-1e-9" + suffix, Noise: 1e-9, LaterEpoch: later);
        yield return new CopyStrategy("copy-noise-1e-3" + suffix, Noise: 1e-3, LaterEpoch: later);
        yield return new CopyStrategy("copy-noise-1pct" + suffix, Noise: 0.01, LaterEpoch: later);
        yield return new CopyStrategy("copy-noise-5pct" + suffix, Noise: 0.05, LaterEpoch: later);
        yield return new CopyStrategy("copy-subset-half" + suffix, Fraction: 0.5, LaterEpoch: later);
        yield return new CopyStrategy("copy-mixed-own" + suffix, MixOwn: true, LaterEpoch: later);
    }
}

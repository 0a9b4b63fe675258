using System.Numerics;
using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Reports;
using OpenLedger.Attribution.Sampling;

namespace OpenLedger.Arena.Play;

/// <summary>
/// An attribution method as the arena plays it. Item-level methods take the scenario's items/test evidence
/// (<see cref="ItemEvidence"/>); contribution-level methods get evidence generated from the coalition utilities by
/// <see cref="Generate"/>, with the report's derived seed and the settings' sample count unless a reporter attack
/// chooses others.
/// </summary>
public sealed class ArenaMethod
{
    private readonly Func<IReadOnlyList<BigInteger>, Func<IReadOnlyList<BigInteger>, double>, ulong, int, ArenaSettings, AttributionEvidence>? _generate;

    private ArenaMethod(string name, bool itemLevel, bool sampled,
        Func<IReadOnlyList<BigInteger>, Func<IReadOnlyList<BigInteger>, double>, ulong, int, ArenaSettings, AttributionEvidence>? generate)
    {
        Name = name;
        ItemLevel = itemLevel;
        Sampled = sampled;
        _generate = generate;
    }

    public string Name { get; }

    public bool ItemLevel { get; }

    /// <summary>Evidence drawn by a seeded sampler: the reporter strategies apply.</summary>
    public bool Sampled { get; }

    public static ArenaMethod Items(string name) => new(name, true, false, null);

    public static IReadOnlyList<ArenaMethod> ContributionLevel { get; } =
    [
        new("exact-shapley", false, false, (ids, u, _, _, _) => ExactShapleyEvidence.Generate(ids, u)),
        new("tmc-shapley", false, true, (ids, u, seed, count, s) => TmcShapleySampler.Generate(ids, u, seed, count, s.TmcTolerance)),
        new("banzhaf", false, true, (ids, u, seed, count, _) => BanzhafSampler.Generate(ids, u, seed, count)),
        new("loo", false, false, (ids, u, _, _, _) => LeaveOneOutEvidence.Generate(ids, u)),
    ];

    /// <summary>The settings' sample count for this method (permutations or coalitions; 0 when it does not sample).</summary>
    public int DefaultCount(ArenaSettings settings) => Name switch
    {
        "tmc-shapley" => settings.TmcPermutations,
        "banzhaf" => settings.BanzhafSamples,
        _ => 0,
    };

    /// <summary>Why this method cannot be played on the scenario, or null.</summary>
    public string? NotPlayable(ScenarioReport report, ArenaSettings settings) =>
        Name == "exact-shapley" && report.Ids.Length > settings.ExactMaxContributions
            ? $"{report.Ids.Length} contributions > {settings.ExactMaxContributions}"
            : null;

    public AttributionSpec Generate(ScenarioReport report, CoalitionGame game, ArenaSettings settings, ulong seed, int count)
    {
        if (_generate is null) throw new ArenaException($"{Name} is an item-level method: its evidence is the scenario's items, not generated");
        return new AttributionSpec(Name, _generate(report.Ids, game.Utility, seed, count, settings));
    }
}

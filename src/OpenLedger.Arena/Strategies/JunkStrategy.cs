using OpenLedger.Arena.Data;
using OpenLedger.Attribution.Sampling;

namespace OpenLedger.Arena.Strategies;

public enum JunkKind
{
    /// <summary>Features uniform in each feature's published range, labels uniform over the classes.</summary>
    Random,
    /// <summary>Features uniform in each feature's published range, every label the majority class.</summary>
    Majority,
    /// <summary>Features 10–20 spreads away from the mean (either side), labels uniform.</summary>
    Outliers,
}

/// <summary>Rows with no information, <paramref name="Multiple"/> × as many as all honest rows together.</summary>
public sealed record JunkStrategy(string Name, JunkKind Kind, double Multiple) : IStrategy
{
    public StrategyFamily Family => StrategyFamily.Junk;

    public string Description => Kind switch
    {
        JunkKind.Random => "random features in the published range, random labels",
        JunkKind.Majority => "random features in the published range, all labelled with the majority class",
        _ => "out-of-range outliers (10–20 standard deviations from the mean), random labels",
    } + $"; {Multiple:0.##} × the honest data's row count";

    public AttackPlan Plan(ArenaData data, DeterministicRandom random) =>
        new([new Submission(Play.ArenaWallets.Attacker, Rows(data, Kind, (int)Math.Round(Multiple * data.Published.Count), random))]);

    public static Training.Datasets.LabelledDataset Rows(ArenaData data, JunkKind kind, int count, DeterministicRandom random)
    {
        var classes = data.Published.ClassNames;
        return RowMaker.Generate(classes, data.Published.Features, Math.Max(count, 1), row =>
        {
            for (var f = 0; f < row.Length; f++)
                row[f] = kind == JunkKind.Outliers
                    ? data.FeatureMean[f] + (random.NextInt(2) == 0 ? -1 : 1) * (10 + 10 * RowMaker.Uniform(random)) * (data.FeatureSd[f] > 0 ? data.FeatureSd[f] : 1)
                    : data.FeatureMin[f] + RowMaker.Uniform(random) * (data.FeatureMax[f] - data.FeatureMin[f]);
            return kind == JunkKind.Majority ? data.MajorityClass : random.NextInt(classes.Count);
        });
    }
}

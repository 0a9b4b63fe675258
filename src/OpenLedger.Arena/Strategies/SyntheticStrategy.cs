using OpenLedger.Arena.Data;
using OpenLedger.Attribution.Sampling;

namespace OpenLedger.Arena.Strategies;

public enum SyntheticKind
{
    /// <summary>x = a + λ(b − a) for two different published rows a, b of the same class, λ uniform in [0, 1).</summary>
    Interpolate,
    /// <summary>A published row with uniform noise of 10 % of each feature's spread.</summary>
    Jitter,
    /// <summary>The mean of 10 published rows of one class (drawn with replacement): points near the class centroid.</summary>
    Centroid,
}

/// <summary>
/// New rows derived from the honest contributors' published rows, as many as all honest rows together: in the same
/// epoch (the attacker is assumed to see the items before the report publishes them, which the threat model rules
/// out) or in a later epoch, after the report that published them (the realistic case).
/// </summary>
public sealed record SyntheticStrategy(string Name, SyntheticKind Kind, bool LaterEpoch = false) : IStrategy
{
    public StrategyFamily Family => StrategyFamily.Synthetic;

    public string Description => Kind switch
    {
        SyntheticKind.Interpolate => "interpolations between two published rows of the same class",
        SyntheticKind.Jitter => "published rows with noise of 10 % of each feature's spread",
        _ => "means of 10 published rows of one class (class-centroid points)",
    } + "; 1 × the honest data's row count" + (LaterEpoch ? "; registered in a later epoch" : "; registered in the same epoch");

    public AttackPlan Plan(ArenaData data, DeterministicRandom random)
    {
        var published = data.Published;
        var byClass = RowMaker.ByClass(published);
        var rows = RowMaker.Generate(published.ClassNames, published.Features, published.Count, row =>
        {
            var a = random.NextInt(published.Count);
            var label = published.Labels[a];
            var same = byClass[label];
            switch (Kind)
            {
                case SyntheticKind.Interpolate:
                    // Another row of the class, so the result is a new point rather than a copy of a.
                    var b = same.Length == 1 ? a : same[random.NextInt(same.Length)];
                    while (b == a && same.Length > 1) b = same[random.NextInt(same.Length)];
                    var lambda = RowMaker.Uniform(random);
                    for (var f = 0; f < row.Length; f++) row[f] = published.Row(a)[f] + lambda * (published.Row(b)[f] - published.Row(a)[f]);
                    break;
                case SyntheticKind.Jitter:
                    for (var f = 0; f < row.Length; f++)
                        row[f] = published.Row(a)[f] + (2 * RowMaker.Uniform(random) - 1) * 0.1 * data.FeatureSd[f];
                    break;
                default:
                    row.Clear();
                    for (var j = 0; j < 10; j++)
                    {
                        var m = same[random.NextInt(same.Length)];
                        for (var f = 0; f < row.Length; f++) row[f] += published.Row(m)[f] / 10;
                    }
                    break;
            }
            return label;
        });
        return new AttackPlan([new Submission(Play.ArenaWallets.Attacker, rows)], LaterEpoch: LaterEpoch);
    }
}

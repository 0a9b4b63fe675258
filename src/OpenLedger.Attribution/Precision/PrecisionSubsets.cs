using System.Numerics;
using OpenLedger.Attribution.Sampling;

namespace OpenLedger.Attribution.Precision;

/// <summary>
/// The subsets an LDS is measured on: each exactly floor(n/2) of the n contributions, drawn independently by a
/// <see cref="DeterministicRandom"/> from the seed. The ids are sorted first and every subset is listed in ascending id
/// order, so the draw depends only on the set of ids and the seed (never on the order a report lists them in) and a
/// verifier can redraw and compare subsets element by element.
/// </summary>
public static class PrecisionSubsets
{
    public static IReadOnlyList<IReadOnlyList<BigInteger>> Draw(IReadOnlyList<BigInteger> contributionIds, int count, ulong seed)
    {
        if (count < LinearDatamodelingScore.MinimumSubsets)
            throw new AttributionException($"Precision needs at least {LinearDatamodelingScore.MinimumSubsets} subsets but {count} were asked for");
        if (contributionIds.Count < 2)
            throw new AttributionException($"Precision needs at least 2 contributions to draw half of them but got {contributionIds.Count}");
        var sorted = contributionIds.Order().ToArray();
        for (var i = 1; i < sorted.Length; i++)
            if (sorted[i] == sorted[i - 1]) throw new AttributionException($"Contribution {sorted[i]} appears more than once");
        var half = sorted.Length / 2;
        var random = new DeterministicRandom(seed);
        var subsets = new IReadOnlyList<BigInteger>[count];
        for (var s = 0; s < count; s++)
        {
            var permutation = random.Permutation(sorted.Length);
            var members = new int[half];
            Array.Copy(permutation, members, half);
            Array.Sort(members);
            subsets[s] = members.Select(i => sorted[i]).ToArray();
        }
        return subsets;
    }
}

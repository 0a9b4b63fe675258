using System.Numerics;
using OpenLedger.Attribution.Methods;

namespace OpenLedger.Attribution.Sampling;

/// <summary>
/// Generates Banzhaf evidence: coalitions where each player is present with probability ½ (seeded). The coalitions are
/// <see cref="Draw"/>'s over the players in ascending order, so anyone can redraw them from the seed:
/// <see cref="Banzhaf"/> refuses evidence whose coalitions differ.
/// </summary>
public static class BanzhafSampler
{
    /// <remarks><c>seed</c>: In a report, <see cref="SamplingSeed.Derive"/> of the report; any seed for other uses.</remarks>
    public static BanzhafEvidence Generate(IReadOnlyList<BigInteger> players, Func<IReadOnlyList<BigInteger>, double> utility,
        ulong seed, int samples)
    {
        if (samples < 2) throw new AttributionException($"At least 2 samples are needed but {samples} were asked for");
        var ascending = TmcShapleySampler.Ascending(players);
        var result = new List<CoalitionUtility>(samples);
        foreach (var inside in Draw(ascending.Length, seed).Take(samples))
        {
            var members = ascending.Where((_, i) => inside[i]).ToList();
            result.Add(new CoalitionUtility(members, utility(members)));
        }
        return new BanzhafEvidence(ascending, seed, result);
    }

    /// <summary>
    /// The endless sequence of coalitions <paramref name="seed"/> draws over <paramref name="players"/> players (in
    /// ascending order): player i is inside when bit i mod 64 of the (i / 64)-th 64-bit draw of the sample is set.
    /// </summary>
    public static IEnumerable<bool[]> Draw(int players, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        while (true)
        {
            var inside = new bool[players];
            ulong bits = 0;
            for (var i = 0; i < players; i++)
            {
                if ((i & 63) == 0) bits = random.NextUInt64();
                inside[i] = (bits >> (i & 63) & 1) != 0;
            }
            yield return inside;
        }
    }
}

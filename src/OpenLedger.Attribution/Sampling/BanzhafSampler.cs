using System.Numerics;
using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Reports;

namespace OpenLedger.Attribution.Sampling;

/// <summary>Generates Banzhaf evidence: coalitions where each player is present with probability ½ (seeded).</summary>
public static class BanzhafSampler
{
    public static BanzhafEvidence Generate(IReadOnlyList<BigInteger> players, Func<IReadOnlyList<BigInteger>, double> utility,
        ulong seed, int samples)
    {
        if (samples < 2) throw new AttributionException($"At least 2 samples are needed but {samples} were asked for");
        var random = new DeterministicRandom(seed);
        var result = new List<CoalitionUtility>(samples);
        for (var s = 0; s < samples; s++)
        {
            var members = new List<BigInteger>();
            ulong bits = 0;
            for (var i = 0; i < players.Count; i++)
            {
                if ((i & 63) == 0) bits = random.NextUInt64();
                if ((bits >> (i & 63) & 1) != 0) members.Add(players[i]);
            }
            result.Add(new CoalitionUtility(members, utility(members)));
        }
        return new BanzhafEvidence(players, seed, result);
    }
}

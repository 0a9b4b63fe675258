using System.Numerics;
using OpenLedger.Attribution.Reports;

namespace OpenLedger.Attribution.Methods;

/// <summary>The utilities of all 2^n coalitions of the contributions they mention.</summary>
public sealed record ExactShapleyEvidence(IReadOnlyList<CoalitionUtility> Coalitions) : AttributionEvidence
{
    /// <summary>The players: every contribution id mentioned, ascending (player i = bit i of a coalition mask).</summary>
    public IReadOnlyList<BigInteger> Players { get; } =
        Coalitions.SelectMany(c => c.Members).Distinct().Order().ToArray();

    public override IEnumerable<EvidenceReference> References() =>
        Coalitions.SelectMany((c, i) => EvidenceReader.References(c.Members,
            j => $"attribution.evidence.coalitions[{i}].members[{j}]"));

    /// <summary>Builds the evidence from a utility function by evaluating every coalition (for tests and demos).</summary>
    public static ExactShapleyEvidence Generate(IReadOnlyList<BigInteger> players, Func<IReadOnlyList<BigInteger>, double> utility)
    {
        if (players.Count > ExactShapley.MaxPlayers)
            throw new AttributionException($"Exact Shapley supports at most {ExactShapley.MaxPlayers} players but got {players.Count}");
        var coalitions = new List<CoalitionUtility>(1 << players.Count);
        for (var mask = 0; mask < 1 << players.Count; mask++)
        {
            var members = new List<BigInteger>();
            for (var i = 0; i < players.Count; i++)
                if ((mask >> i & 1) != 0) members.Add(players[i]);
            coalitions.Add(new CoalitionUtility(members, utility(members)));
        }
        return new ExactShapleyEvidence(coalitions);
    }
}

using System.Numerics;
using System.Text.Json;
using OpenLedger.Attribution.Reports;
using OpenLedger.Attribution.Sampling;

namespace OpenLedger.Attribution.Methods;

/// <summary>
/// <c>banzhaf</c>: Data Banzhaf values by maximum sample reuse, over the coalitions the report's seed draws (see
/// <see cref="SamplingSeed"/>).
/// </summary>
public sealed class Banzhaf : IAttributionMethod
{
    public string Name => "banzhaf";

    public AttributionEvidence? ParseEvidence(JsonElement attribution, string path, JsonFieldReader reader)
    {
        var before = reader.Problems.Count;
        var parametersPath = JsonFieldReader.Join(path, "parameters");
        var evidencePath = JsonFieldReader.Join(path, "evidence");
        var parameters = reader.Object(attribution, path, "parameters");
        var evidence = reader.Object(attribution, path, "evidence");
        if (parameters is null || evidence is null) return null;
        var seed = reader.Integer(parameters.Value, parametersPath, "seed");
        var players = EvidenceReader.Ids(evidence.Value, evidencePath, "players", reader);
        var samples = EvidenceReader.Coalitions(evidence.Value, evidencePath, "samples", reader);
        if (seed is null || players is null || samples is null) return null;
        var known = players.ToHashSet();
        var inside = new int[players.Count];
        var position = players.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        for (var s = 0; s < samples.Count; s++)
            for (var m = 0; m < samples[s].Members.Count; m++)
            {
                var id = samples[s].Members[m];
                if (known.Contains(id)) inside[position[id]]++;
                else reader.Fail($"{evidencePath}.samples[{s}].members[{m}]", $"contribution {id} is not among {evidencePath}.players");
            }
        for (var i = 0; i < players.Count; i++)
            if (inside[i] == 0 || inside[i] == samples.Count)
                reader.Fail($"{evidencePath}.players[{i}]", $"contribution {players[i]} must be in at least one sample and out of at least one " +
                    $"but is in {inside[i]} of {samples.Count}");
        if (reader.Problems.Count > before) return null;
        CheckDrawnFromSeed(players, seed.Value, samples, evidencePath, reader);
        return reader.Problems.Count > before ? null : new BanzhafEvidence(players, seed.Value, samples);
    }

    /// <summary>
    /// The players must be in ascending order and the samples' coalitions the first ones the seed draws over them
    /// (<see cref="BanzhafSampler.Draw"/>): a reporter who could pick coalitions, reorder the players or try seeds could
    /// steer the estimate towards a contributor. Only the first mismatch is reported.
    /// </summary>
    private static void CheckDrawnFromSeed(List<BigInteger> players, ulong seed, List<CoalitionUtility> samples, string evidencePath, JsonFieldReader reader)
    {
        for (var i = 1; i < players.Count; i++)
            if (players[i] < players[i - 1])
            {
                reader.Fail($"{evidencePath}.players[{i}]", $"must be in ascending order (the seed's coalitions are drawn over the players in " +
                    $"that order) but contribution {players[i]} follows {players[i - 1]}");
                return;
            }
        var s = 0;
        foreach (var inside in BanzhafSampler.Draw(players.Count, seed).Take(samples.Count))
        {
            var members = samples[s].Members.ToHashSet();
            for (var i = 0; i < players.Count; i++)
                if (members.Contains(players[i]) != inside[i])
                {
                    reader.Fail($"{evidencePath}.samples[{s}].members", $"is not the coalition seed {seed} draws: contribution {players[i]} " +
                        $"must be {(inside[i] ? "inside" : "outside")} (the samples must be the seed's first coalitions)");
                    return;
                }
            s++;
        }
    }

    public ContributionValues Compute(AttributionEvidence evidence, IReadOnlySet<BigInteger> excluded)
    {
        var e = ExactShapley.Expect<BanzhafEvidence>(evidence);
        var position = e.Players.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var words = (e.Players.Count + 63) / 64;
        var membership = e.Samples.Select(s =>
        {
            var bits = new ulong[words];
            foreach (var id in s.Members) bits[position[id] >> 6] |= 1UL << (position[id] & 63);
            return bits;
        }).ToArray();
        var result = BanzhafMsrEstimator.Estimate(e.Players.Count, membership, e.Samples.Select(s => s.Utility).ToArray());
        return ContributionValues.From(e.Players, result.Values, result.StandardErrors);
    }
}

using System.Numerics;
using System.Text.Json;
using OpenLedger.Attribution.Reports;
using OpenLedger.Attribution.Sampling;

namespace OpenLedger.Attribution.Methods;

/// <summary>
/// <c>tmc-shapley</c>: truncated Monte Carlo Shapley over the permutations in the evidence, which must be the ones the
/// report's seed draws (see <see cref="SamplingSeed"/>).
/// </summary>
public sealed class TmcShapley : IAttributionMethod
{
    public string Name => "tmc-shapley";

    public AttributionEvidence? ParseEvidence(JsonElement attribution, string path, JsonFieldReader reader)
    {
        var before = reader.Problems.Count;
        var parametersPath = JsonFieldReader.Join(path, "parameters");
        var evidencePath = JsonFieldReader.Join(path, "evidence");
        var parameters = reader.Object(attribution, path, "parameters");
        var evidence = reader.Object(attribution, path, "evidence");
        if (parameters is null || evidence is null) return null;
        var tolerance = reader.Finite(parameters.Value, parametersPath, "tolerance");
        if (tolerance < 0) reader.Fail(JsonFieldReader.Join(parametersPath, "tolerance"), $"must be ≥ 0 but is {tolerance}");
        var seed = reader.Integer(parameters.Value, parametersPath, "seed");
        var empty = reader.Finite(evidence.Value, evidencePath, "emptyUtility");
        var full = reader.Finite(evidence.Value, evidencePath, "fullUtility");
        var list = reader.Array(evidence.Value, evidencePath, "permutations");
        if (list is null || tolerance is null || seed is null || empty is null || full is null) return null;

        var listPath = JsonFieldReader.Join(evidencePath, "permutations");
        var samples = new List<PermutationSample>();
        HashSet<BigInteger>? players = null;
        var index = 0;
        foreach (var element in list.Value.EnumerateArray())
        {
            var at = JsonFieldReader.Index(listPath, index++);
            var order = EvidenceReader.Ids(element, at, "order", reader);
            var utilitiesArray = reader.Array(element, at, "utilities");
            if (order is null || utilitiesArray is null) continue;
            players ??= [.. order];
            if (order.Count != players.Count || !order.All(players.Contains))
            {
                reader.Fail(JsonFieldReader.Join(at, "order"), $"must order the same {players.Count} contributions as permutations[0]");
                continue;
            }
            var utilities = new List<double>();
            var u = 0;
            foreach (var value in utilitiesArray.Value.EnumerateArray())
                if (reader.Finite(value, $"{at}.utilities[{u++}]") is { } d) utilities.Add(d);
            if (u == 0 || u > order.Count)
                reader.Fail(JsonFieldReader.Join(at, "utilities"), $"must hold 1 to {order.Count} prefix utilities but holds {u}");
            else if (u < order.Count && utilities.Count == u && !TmcShapleyEvidence.WithinTolerance(utilities[^1], full.Value, tolerance.Value))
                reader.Fail(JsonFieldReader.Join(at, "utilities"), $"stops after {u} of {order.Count} contributions although " +
                    $"{utilities[^1]} is not within tolerance {tolerance} of the full utility {full}");
            samples.Add(new PermutationSample(order, utilities));
        }
        if (index == 0) reader.Fail(listPath, "must hold at least one permutation");
        if (reader.Problems.Count > before) return null;
        var result = new TmcShapleyEvidence(empty.Value, full.Value, tolerance.Value, seed.Value, samples);
        CheckDrawnFromSeed(result, listPath, reader);
        return reader.Problems.Count > before ? null : result;
    }

    /// <summary>
    /// The orders must be the first permutations the seed draws (<see cref="TmcShapleySampler.Draw"/>): a reporter who
    /// could pick orders, or try seeds, could steer the estimate towards a contributor. Only the first mismatch is
    /// reported: evidence from another seed differs everywhere.
    /// </summary>
    private static void CheckDrawnFromSeed(TmcShapleyEvidence evidence, string listPath, JsonFieldReader reader)
    {
        var players = evidence.Players;
        var p = 0;
        foreach (var drawn in TmcShapleySampler.Draw(players.Count, evidence.Seed).Take(evidence.Permutations.Count))
        {
            var order = evidence.Permutations[p].Order;
            for (var j = 0; j < drawn.Length; j++)
                if (order[j] != players[drawn[j]])
                {
                    reader.Fail(JsonFieldReader.Join(JsonFieldReader.Index(listPath, p), "order"),
                        $"is not the permutation seed {evidence.Seed} draws: position {j} must be contribution {players[drawn[j]]} but is {order[j]} " +
                        "(the permutations must be the seed's first ones, over the contributions in ascending order)");
                    return;
                }
            p++;
        }
    }

    public ContributionValues Compute(AttributionEvidence evidence, IReadOnlySet<BigInteger> excluded)
    {
        var e = ExactShapley.Expect<TmcShapleyEvidence>(evidence);
        var index = e.Players.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var orders = e.Permutations.Select(p => p.Order.Select(id => index[id]).ToArray()).ToArray();
        var utilities = e.Permutations.Select(p => p.Utilities.ToArray()).ToArray();
        var result = TmcShapleyEstimator.Estimate(e.Players.Count, e.EmptyUtility, orders, utilities);
        return ContributionValues.From(e.Players, result.Values, result.StandardErrors);
    }
}

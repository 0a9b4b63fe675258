using System.Numerics;
using System.Text.Json;
using OpenLedger.Attribution.Reports;

namespace OpenLedger.Attribution.Methods;

/// <summary><c>exact-shapley</c>: Shapley values from the utilities of every coalition.</summary>
public sealed class ExactShapley : IAttributionMethod
{
    public const int MaxPlayers = 20;

    public string Name => "exact-shapley";

    public AttributionEvidence? ParseEvidence(JsonElement attribution, string path, JsonFieldReader reader)
    {
        var before = reader.Problems.Count;
        var evidencePath = JsonFieldReader.Join(path, "evidence");
        var evidence = reader.Object(attribution, path, "evidence");
        if (evidence is null) return null;
        var coalitions = EvidenceReader.Coalitions(evidence.Value, evidencePath, "coalitions", reader);
        if (coalitions is null) return null;
        var result = new ExactShapleyEvidence(coalitions);
        var n = result.Players.Count;
        var listPath = JsonFieldReader.Join(evidencePath, "coalitions");
        if (n > MaxPlayers)
        {
            reader.Fail(listPath, $"exact-shapley supports at most {MaxPlayers} contributions but the coalitions mention {n}");
            return null;
        }
        var index = Index(result.Players);
        var firstAt = new Dictionary<int, int>();
        for (var c = 0; c < coalitions.Count; c++)
        {
            var mask = Mask(coalitions[c].Members, index);
            if (!firstAt.TryAdd(mask, c))
                reader.Fail(JsonFieldReader.Join($"{listPath}[{c}]", "members"), $"duplicates the coalition of coalitions[{firstAt[mask]}]");
        }
        if (firstAt.Count == coalitions.Count && coalitions.Count != 1 << n)
        {
            var missing = Enumerable.Range(0, 1 << n).First(m => !firstAt.ContainsKey(m));
            var members = string.Join(", ", result.Players.Where((_, i) => (missing >> i & 1) != 0));
            reader.Fail(listPath, $"exact-shapley needs all 2^{n} = {1 << n} coalitions of the {n} contributions mentioned " +
                $"but has {coalitions.Count}; missing e.g. [{members}]");
        }
        return reader.Problems.Count > before ? null : result;
    }

    public ContributionValues Compute(AttributionEvidence evidence, IReadOnlySet<BigInteger> excluded)
    {
        var e = Expect<ExactShapleyEvidence>(evidence);
        var index = Index(e.Players);
        var utilities = new double[1 << e.Players.Count];
        foreach (var c in e.Coalitions) utilities[Mask(c.Members, index)] = c.Utility;
        return ContributionValues.From(e.Players, ShapleyExact.Compute(e.Players.Count, utilities));
    }

    private static Dictionary<BigInteger, int> Index(IReadOnlyList<BigInteger> players) =>
        players.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);

    private static int Mask(IReadOnlyList<BigInteger> members, Dictionary<BigInteger, int> index) =>
        members.Aggregate(0, (mask, id) => mask | 1 << index[id]);

    internal static T Expect<T>(AttributionEvidence evidence) where T : AttributionEvidence =>
        evidence as T ?? throw new AttributionException($"Expected {typeof(T).Name} but got {evidence.GetType().Name}");
}

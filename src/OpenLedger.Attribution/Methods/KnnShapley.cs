using System.Numerics;
using System.Text.Json;
using OpenLedger.Attribution.Reports;

namespace OpenLedger.Attribution.Methods;

/// <summary>
/// <c>knn-shapley</c>: exact KNN-Shapley of every item, summed per contribution. Items of excluded (duplicate)
/// contributions are removed from the game first, so the original registration is valued as if no copy existed.
/// </summary>
public sealed class KnnShapley : IAttributionMethod
{
    public string Name => "knn-shapley";

    public AttributionEvidence? ParseEvidence(JsonElement attribution, string path, JsonFieldReader reader)
    {
        var before = reader.Problems.Count;
        var parametersPath = JsonFieldReader.Join(path, "parameters");
        var evidencePath = JsonFieldReader.Join(path, "evidence");
        var parameters = reader.Object(attribution, path, "parameters");
        var evidence = reader.Object(attribution, path, "evidence");
        if (parameters is null || evidence is null) return null;
        var k = reader.Integer(parameters.Value, parametersPath, "k");
        if (k is 0 or > int.MaxValue) reader.Fail(JsonFieldReader.Join(parametersPath, "k"), $"must be between 1 and {int.MaxValue} but is {k}");
        var items = reader.Array(evidence.Value, evidencePath, "items");
        var test = reader.Array(evidence.Value, evidencePath, "test");
        if (k is null || items is null || test is null) return null;

        var points = KnnPoints.Read(items.Value, test.Value, evidencePath, reader);
        return reader.Problems.Count > before || points is null
            ? null
            : new KnnShapleyEvidence((int)k.Value, points.Dimensions, points.ItemContributions, points.ItemEmbeddings, points.ItemLabels,
                points.TestEmbeddings, points.TestLabels);
    }

    public ContributionValues Compute(AttributionEvidence evidence, IReadOnlySet<BigInteger> excluded)
    {
        var e = ExactShapley.Expect<KnnShapleyEvidence>(evidence);
        var kept = Enumerable.Range(0, e.ItemContributions.Count).Where(i => !excluded.Contains(e.ItemContributions[i])).ToArray();
        var embeddings = new double[kept.Length * e.Dimensions];
        var labels = new int[kept.Length];
        for (var j = 0; j < kept.Length; j++)
        {
            e.ItemEmbeddings.AsSpan(kept[j] * e.Dimensions, e.Dimensions).CopyTo(embeddings.AsSpan(j * e.Dimensions));
            labels[j] = e.ItemLabels[kept[j]];
        }
        var itemValues = KnnShapleyCore.Compute(embeddings, labels, e.TestEmbeddings, e.TestLabels, e.Dimensions, e.K);
        var values = new Dictionary<BigInteger, double>();
        foreach (var id in e.ItemContributions) values.TryAdd(id, 0.0);
        // Summed in item order: the per-contribution sums are reproducible bit for bit.
        for (var j = 0; j < kept.Length; j++) values[e.ItemContributions[kept[j]]] += itemValues[j];
        return new ContributionValues(values);
    }
}

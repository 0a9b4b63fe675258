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

        int? dimensions = null;
        var contributions = new List<BigInteger>();
        var itemData = ReadPoints(items.Value, JsonFieldReader.Join(evidencePath, "items"), true, reader, ref dimensions, contributions);
        var testData = ReadPoints(test.Value, JsonFieldReader.Join(evidencePath, "test"), false, reader, ref dimensions, null);
        if (testData.Labels.Length == 0) reader.Fail(JsonFieldReader.Join(evidencePath, "test"), "must hold at least one test point");
        return reader.Problems.Count > before
            ? null
            : new KnnShapleyEvidence((int)k.Value, dimensions ?? 1, contributions, itemData.Embeddings, itemData.Labels, testData.Embeddings, testData.Labels);
    }

    private static (double[] Embeddings, int[] Labels) ReadPoints(JsonElement array, string path, bool tagged, JsonFieldReader reader,
        ref int? dimensions, List<BigInteger>? contributions)
    {
        var embeddings = new List<double>();
        var labels = new List<int>();
        var index = 0;
        foreach (var point in array.EnumerateArray())
        {
            var at = JsonFieldReader.Index(path, index++);
            if (tagged && reader.Uint256(point, at, "contribution") is { } id) contributions!.Add(id);
            var label = reader.Member(point, at, "label");
            if (label is { } l)
            {
                if (l.ValueKind == JsonValueKind.Number && l.TryGetInt32(out var value)) labels.Add(value);
                else reader.Fail(JsonFieldReader.Join(at, "label"), $"must be an integer class label but is {JsonFieldReader.Describe(l)}");
            }
            var vector = reader.Array(point, at, "embedding");
            if (vector is null) continue;
            var length = vector.Value.GetArrayLength();
            dimensions ??= length;
            if (length == 0 || length != dimensions)
            {
                reader.Fail(JsonFieldReader.Join(at, "embedding"), $"must have {Math.Max(dimensions.Value, 1)} numbers like the first embedding but has {length}");
                continue;
            }
            var d = 0;
            foreach (var x in vector.Value.EnumerateArray())
            {
                // The common case without building a path string: ten thousand items of dozens of numbers each.
                if (x.ValueKind == JsonValueKind.Number && x.TryGetDouble(out var v) && double.IsFinite(v)) embeddings.Add(v);
                else embeddings.Add(reader.Finite(x, $"{at}.embedding[{d}]") ?? double.NaN);
                d++;
            }
        }
        return (embeddings.ToArray(), labels.ToArray());
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

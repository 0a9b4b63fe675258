using System.Numerics;
using System.Text.Json;
using OpenLedger.Attribution.Reports;

namespace OpenLedger.Attribution.Methods;

/// <summary>
/// The item-level evidence shared by <c>knn-shapley</c> and <c>neighbour-credit</c>: items (contribution id, label,
/// embedding) and evaluation points (label, embedding), every embedding of the same length, row-major.
/// </summary>
internal sealed record KnnPoints(int Dimensions, List<BigInteger> ItemContributions, double[] ItemEmbeddings, int[] ItemLabels,
    double[] TestEmbeddings, int[] TestLabels)
{
    /// <summary>Reads <c>items</c> and <c>test</c>; records every problem and returns null when anything is wrong.</summary>
    public static KnnPoints? Read(JsonElement items, JsonElement test, string evidencePath, JsonFieldReader reader)
    {
        var before = reader.Problems.Count;
        int? dimensions = null;
        var contributions = new List<BigInteger>();
        var itemData = ReadPoints(items, JsonFieldReader.Join(evidencePath, "items"), true, reader, ref dimensions, contributions);
        var testData = ReadPoints(test, JsonFieldReader.Join(evidencePath, "test"), false, reader, ref dimensions, null);
        if (testData.Labels.Length == 0) reader.Fail(JsonFieldReader.Join(evidencePath, "test"), "must hold at least one test point");
        return reader.Problems.Count > before
            ? null
            : new KnnPoints(dimensions ?? 1, contributions, itemData.Embeddings, itemData.Labels, testData.Embeddings, testData.Labels);
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
}

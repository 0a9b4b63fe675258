using System.Globalization;
using System.Numerics;
using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Reports;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Training.Datasets;

/// <summary>
/// Ties a k-NN report's items to the registered data: given the evaluation set and the contributed files, checks that
/// the test set hashes to the report's <c>testSetHash</c>, that every contribution with items has a file hashing to its
/// registered content hash, and that its items are exactly that file's rows (in file order, labels included), scaled by
/// the evaluation set's statistics as <see cref="KnnReportBuilder"/> scales them; likewise the test points. A reporter
/// who invented, dropped, reordered or moved items, or scored on another test set, is caught row by row.
/// </summary>
public static class ItemEvidenceCheck
{
    /// <summary>One thing that does not match: where (a report field path) and what.</summary>
    public sealed record Mismatch(string Field, string Problem);

    /// <summary>Whether the report's evidence has items (neighbour-credit, knn-shapley) that <see cref="Check"/> can tie to files.</summary>
    public static bool HasItems(PerformanceReport report) => report.Attribution.Evidence is NeighbourCreditEvidence or KnnShapleyEvidence;

    /// <param name="report">A parsed report with item-level evidence.</param>
    /// <param name="test">The evaluation set the report says it was scored on.</param>
    /// <param name="files">The contributed files by content hash (keccak-256 of their canonical bytes).</param>
    public static IReadOnlyList<Mismatch> Check(PerformanceReport report, LabelledDataset test, IReadOnlyDictionary<Hash32, LabelledDataset> files)
    {
        var (contributions, items, labels, tests, testLabels) = report.Attribution.Evidence switch
        {
            NeighbourCreditEvidence e => (e.ItemContributions, e.ItemEmbeddings, e.ItemLabels, e.TestEmbeddings, e.TestLabels),
            KnnShapleyEvidence e => (e.ItemContributions, e.ItemEmbeddings, e.ItemLabels, e.TestEmbeddings, e.TestLabels),
            _ => throw new AttributionException($"Method {report.Attribution.Method} has no items to check against contributed files; " +
                $"only the item-level methods ({string.Join(", ", KnnReportBuilder.Methods)}) do"),
        };
        var mismatches = new List<Mismatch>();
        var testHash = SklearnCsv.ContentHash(test);
        if (testHash != report.Evaluation.TestSetHash)
            mismatches.Add(new("evaluation.testSetHash", $"the test file hashes to {testHash}, not to the report's {report.Evaluation.TestSetHash}"));
        var scaler = Standardizer.Fit(test);
        var scaledTest = scaler.Transform(test);
        if (!Same(scaledTest.Values, tests) || !scaledTest.Labels.SequenceEqual(testLabels))
            mismatches.Add(new("attribution.evidence.test", $"the {testLabels.Length} test points are not the test file's {test.Count} rows scaled by their own statistics"));

        var dimensions = scaledTest.Features;
        var itemsOf = new Dictionary<BigInteger, List<int>>();
        for (var j = 0; j < contributions.Count; j++)
        {
            if (!itemsOf.TryGetValue(contributions[j], out var list)) itemsOf[contributions[j]] = list = [];
            list.Add(j);
        }
        var entries = report.Contributions.ToDictionary(c => c.Id);
        foreach (var (id, positions) in itemsOf)
        {
            var field = $"attribution.evidence.items[{positions[0]}]";
            var entry = entries[id]; // the parser refuses evidence naming an unknown contribution
            if (!files.TryGetValue(entry.ContentHash, out var rows))
            {
                mismatches.Add(new(field, $"contribution {Dec(id)} registered content hash {entry.ContentHash}, and no given file hashes to it"));
                continue;
            }
            if (rows.Features != dimensions)
            {
                mismatches.Add(new(field, $"contribution {Dec(id)}'s file has {rows.Features} features, the test file {dimensions}"));
                continue;
            }
            if (rows.Count != positions.Count)
            {
                mismatches.Add(new(field, $"contribution {Dec(id)} has {positions.Count} items in the report but {rows.Count} rows in its file"));
                continue;
            }
            var scaled = scaler.Transform(rows);
            for (var r = 0; r < rows.Count; r++)
            {
                var at = positions[r];
                if (!Same(scaled.Row(r), items.AsSpan(at * dimensions, dimensions)) || scaled.Labels[r] != labels[at])
                {
                    mismatches.Add(new($"attribution.evidence.items[{at}]", $"is not row {r + 1} of contribution {Dec(id)}'s file (its content hash {entry.ContentHash})"));
                    break;
                }
            }
        }
        return mismatches;
    }

    // Exact: the builder writes each double in its shortest round-trip form, so an honest report reads back bit for bit.
    private static bool Same(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => a.SequenceEqual(b);

    private static string Dec(BigInteger id) => id.ToString(CultureInfo.InvariantCulture);
}

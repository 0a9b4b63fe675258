namespace OpenLedger.Attribution.Methods;

/// <summary>
/// Exact KNN-Shapley (Jia et al. 2019) of every training item for an unweighted K-nearest-neighbour classifier
/// whose utility on a test point is (1/K)·#{correct labels among the min(K,|S|) nearest items of S}; averaged over
/// the test set. O(N log N) per test point: one sort by distance, then the closed-form recursion from the farthest
/// item inward.
/// </summary>
public static class KnnShapleyCore
{
    // Test points are summed in fixed chunks, each into its own array, and the chunks are added in chunk order:
    // the result does not depend on how many threads ran or in which order they finished.
    private const int ChunkSize = 8;

    /// <remarks><c>items</c>: N×d row-major item embeddings.</remarks>
    /// <remarks><c>tests</c>: T×d row-major test embeddings.</remarks>
    public static double[] Compute(ReadOnlySpan<double> items, ReadOnlySpan<int> itemLabels, ReadOnlySpan<double> tests,
        ReadOnlySpan<int> testLabels, int dimensions, int k, bool parallel = true)
    {
        var n = itemLabels.Length;
        var t = testLabels.Length;
        if (k < 1) throw new AttributionException($"K must be at least 1 but is {k}");
        if (dimensions < 1) throw new AttributionException($"Embeddings need at least 1 dimension but have {dimensions}");
        if (items.Length != n * dimensions)
            throw new AttributionException($"{n} items of {dimensions} dimensions need {n * dimensions} numbers but got {items.Length}");
        if (tests.Length != t * dimensions)
            throw new AttributionException($"{t} test points of {dimensions} dimensions need {t * dimensions} numbers but got {tests.Length}");
        var values = new double[n];
        if (n == 0 || t == 0) return values;

        var itemArray = items.ToArray();
        var itemLabelArray = itemLabels.ToArray();
        var testArray = tests.ToArray();
        var testLabelArray = testLabels.ToArray();
        var chunks = (t + ChunkSize - 1) / ChunkSize;
        var partial = new double[chunks][];
        void RunChunk(int c)
        {
            var sums = new double[n];
            var distances = new double[n];
            var order = new int[n];
            var end = Math.Min(t, (c + 1) * ChunkSize);
            for (var j = c * ChunkSize; j < end; j++)
                AddTestPoint(itemArray, itemLabelArray, testArray.AsSpan(j * dimensions, dimensions), testLabelArray[j], k, distances, order, sums);
            partial[c] = sums;
        }
        if (parallel) Parallel.For(0, chunks, RunChunk);
        else for (var c = 0; c < chunks; c++) RunChunk(c);

        foreach (var sums in partial)
            for (var i = 0; i < n; i++) values[i] += sums[i];
        for (var i = 0; i < n; i++) values[i] /= t;
        return values;
    }

    private static void AddTestPoint(double[] items, int[] labels, ReadOnlySpan<double> test, int testLabel, int k,
        double[] distances, int[] order, double[] sums)
    {
        var n = labels.Length;
        var d = test.Length;
        for (var i = 0; i < n; i++)
        {
            distances[i] = Distances.SquaredEuclidean(items.AsSpan(i * d, d), test);
            order[i] = i;
        }
        Array.Sort(distances, order);
        SortTiesByIndex(distances, order);

        // s(α_N) = 1[y_αN = y]/max(N, K) (the farthest item counts only while fewer than K others are present, which
        // is always when K ≥ N); s(α_i) = s(α_{i+1}) + (1[y_αi = y] − 1[y_αi+1 = y])/K · min(K, i)/i (1-based i).
        var next = labels[order[n - 1]] == testLabel ? 1.0 / Math.Max(n, k) : 0.0;
        sums[order[n - 1]] += next;
        for (var i = n - 2; i >= 0; i--)
        {
            var rank = i + 1;
            var here = labels[order[i]] == testLabel ? 1.0 : 0.0;
            var after = labels[order[i + 1]] == testLabel ? 1.0 : 0.0;
            next += (here - after) / k * Math.Min(k, rank) / rank;
            sums[order[i]] += next;
        }
    }

    /// <summary>Equal distances are ordered by item index so the ranking is a total order, as the docs promise.</summary>
    private static void SortTiesByIndex(double[] distances, int[] order)
    {
        var start = 0;
        for (var i = 1; i <= distances.Length; i++)
        {
            if (i < distances.Length && distances[i] == distances[start]) continue;
            if (i - start > 1) Array.Sort(order, start, i - start);
            start = i;
        }
    }
}

namespace OpenLedger.Attribution.Screening;

/// <summary>
/// Item-level near-duplicate and contamination screening. Items are visited in registration order (the
/// contribution's (block, log index), then the item's position in it); an item within <c>tolerance</c> of an
/// evaluation row is contamination, and one within <c>tolerance</c> of an earlier kept item is a near-duplicate of
/// it, whatever wallet, packaging or order it came in: the earliest on-chain registration of an item wins.
/// Distance is the root mean square of the per-dimension differences in evaluation-set spread units
/// (<see cref="FeatureScale"/>), so a tolerance of 0.1 means "a tenth of a standard deviation per feature, on
/// average"; labels are ignored (a copied row with its label changed is still a copy).
/// </summary>
public static class ItemScreening
{
    /// <remarks><c>items</c> and <c>tests</c>: normalised embeddings, row-major; <c>order</c>: item indexes in
    /// registration order (items not listed are not screened and stay kept).</remarks>
    public static ScreenedItem[] Screen(ReadOnlySpan<double> items, IReadOnlyList<int> order, ReadOnlySpan<double> tests,
        int dimensions, double tolerance)
    {
        if (!(tolerance >= 0) || double.IsInfinity(tolerance)) throw new AttributionException($"The near-duplicate tolerance must be a finite number ≥ 0 but is {tolerance}");
        var n = items.Length / dimensions;
        var t = tests.Length / dimensions;
        var result = new ScreenedItem[n];
        Array.Fill(result, ScreenedItem.Kept);
        // Compared as a sum of squares against tolerance² · d: no square root per pair, and most pairs stop early.
        var bound = tolerance * tolerance * dimensions;
        var kept = new List<int>(n);
        foreach (var i in order)
        {
            var row = items.Slice(i * dimensions, dimensions);
            var match = Nearest(row, tests, t, dimensions, bound, null);
            if (match >= 0)
            {
                result[i] = new ScreenedItem(ItemExclusion.Contamination, match);
                continue;
            }
            match = Nearest(row, items, kept.Count, dimensions, bound, kept);
            if (match >= 0) result[i] = new ScreenedItem(ItemExclusion.NearDuplicate, match);
            else kept.Add(i);
        }
        return result;
    }

    /// <summary>The first row (of <paramref name="rows"/>, or of the listed <paramref name="which"/>) within the bound, or -1.</summary>
    private static int Nearest(ReadOnlySpan<double> row, ReadOnlySpan<double> rows, int count, int dimensions, double bound, List<int>? which)
    {
        for (var r = 0; r < count; r++)
        {
            var index = which is null ? r : which[r];
            var other = rows.Slice(index * dimensions, dimensions);
            var sum = 0.0;
            var f = 0;
            for (; f < dimensions; f++)
            {
                var diff = row[f] - other[f];
                sum += diff * diff;
                if (sum > bound) break;
            }
            if (f == dimensions) return index;
        }
        return -1;
    }
}

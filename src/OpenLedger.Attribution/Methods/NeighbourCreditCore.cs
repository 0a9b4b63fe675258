namespace OpenLedger.Attribution.Methods;

/// <summary>
/// Neighbour credit: for each evaluation point, the K nearest credited items of the final model hold its K "slots";
/// a slot is worth (1[item's label = the point's label] − p)/K, where p is the evaluation set's frequency of the
/// point's label (the chance that a label drawn from the class prior is right). An item's value is the mean of its
/// slots' worth over the evaluation set. Far-away items hold no slot and earn nothing; an item whose label says
/// nothing about where it lies earns 0 in expectation; an item farther than the radius (RMS, in the evaluation set's
/// spread units) from a point never holds its slot (threshold KNN, Wang, Yang &amp; Jia 2023), so rows placed far from
/// real data take nothing from anyone (it is right with the prior's probability); the values add
/// up exactly to U(credited) − U(∅) for the utility <see cref="NeighbourCreditResult"/> describes.
/// <para>
/// Cohorts add precedence: items of cohort 0 are placed first, then each later cohort is merged in. An item of a
/// later cohort earns only for the slots it takes, and only what it adds over the items it displaces (their mean
/// worth), so data derived from earlier, published items is valued by what it adds to a model that already has
/// them. Items never lose what they earned at their own stage, and the stages telescope, so efficiency holds.
/// </para>
/// </summary>
public static class NeighbourCreditCore
{
    private const int ChunkSize = 8;

    /// <summary>Item values, U(credited) and U(∅).</summary>
    /// <remarks><c>items</c>: N×d row-major item embeddings; <c>cohorts</c>: each item's cohort (0 = earliest);
    /// <c>credited</c>: the items that take part (screened-out items hold no slot and earn 0); <c>radius</c>: the
    /// largest RMS distance at which an item can hold a slot (embeddings already in spread units).</remarks>
    public static NeighbourCreditResult Compute(ReadOnlySpan<double> items, ReadOnlySpan<int> itemLabels, ReadOnlySpan<int> cohorts,
        ReadOnlySpan<bool> credited, ReadOnlySpan<double> tests, ReadOnlySpan<int> testLabels, int dimensions, int k,
        double radius = double.PositiveInfinity, bool parallel = true)
    {
        if (!(radius > 0)) throw new AttributionException($"The neighbour radius must be positive but is {radius}");
        var n = itemLabels.Length;
        var t = testLabels.Length;
        if (k < 1) throw new AttributionException($"K must be at least 1 but is {k}");
        if (t == 0) throw new AttributionException("Neighbour credit needs at least 1 evaluation point but got none");
        if (items.Length != n * dimensions || cohorts.Length != n || credited.Length != n)
            throw new AttributionException($"{n} items of {dimensions} dimensions need {n * dimensions} numbers, {n} cohorts and {n} flags but got {items.Length}, {cohorts.Length} and {credited.Length}");
        if (tests.Length != t * dimensions)
            throw new AttributionException($"{t} evaluation points of {dimensions} dimensions need {t * dimensions} numbers but got {tests.Length}");

        var prior = Prior(testLabels);
        var stages = new SortedSet<int>();
        for (var i = 0; i < n; i++) if (credited[i]) stages.Add(cohorts[i]);
        var job = new Job(items.ToArray(), itemLabels.ToArray(), cohorts.ToArray(), credited.ToArray(), tests.ToArray(), testLabels.ToArray(),
            dimensions, k, prior, stages.ToArray(), radius * radius * dimensions);

        var chunks = (t + ChunkSize - 1) / ChunkSize;
        var partial = new double[chunks][];
        var agreement = new double[chunks];
        var right = new int[n];
        var wrong = new int[n];
        var slots = new (int[] Right, int[] Wrong)[chunks];
        if (parallel) Parallel.For(0, chunks, c => partial[c] = job.RunChunk(c, out agreement[c], out slots[c]));
        else for (var c = 0; c < chunks; c++) partial[c] = job.RunChunk(c, out agreement[c], out slots[c]);

        // Chunks are added in chunk order: the same bits whatever the thread count.
        var values = new double[n];
        var full = 0.0;
        for (var c = 0; c < chunks; c++)
        {
            for (var i = 0; i < n; i++)
            {
                values[i] += partial[c][i];
                right[i] += slots[c].Right[i];
                wrong[i] += slots[c].Wrong[i];
            }
            full += agreement[c];
        }
        for (var i = 0; i < n; i++) values[i] /= t;
        var empty = 0.0;
        foreach (var label in job.TestLabels) empty += prior[label];
        return new NeighbourCreditResult(values, full / t, empty / t, right, wrong);
    }

    /// <summary>The evaluation set's class frequencies, indexed by label (labels may be any non-negative integers).</summary>
    public static double[] Prior(ReadOnlySpan<int> testLabels)
    {
        var max = 0;
        foreach (var label in testLabels)
        {
            if (label < 0) throw new AttributionException($"Class labels must be non-negative but one is {label}");
            max = Math.Max(max, label);
        }
        var prior = new double[max + 1];
        foreach (var label in testLabels) prior[label] += 1;
        for (var c = 0; c < prior.Length; c++) prior[c] /= testLabels.Length;
        return prior;
    }

    private sealed record Job(double[] Items, int[] ItemLabels, int[] Cohorts, bool[] Credited, double[] Tests, int[] TestLabels,
        int Dimensions, int K, double[] Prior, int[] Stages, double MaxSquaredDistance)
    {
        public double[] RunChunk(int chunk, out double agreement, out (int[] Right, int[] Wrong) slots)
        {
            var n = ItemLabels.Length;
            var sums = new double[n];
            slots = (new int[n], new int[n]);
            var distances = new double[n];
            var top = new int[K];
            var next = new int[K];
            agreement = 0.0;
            var end = Math.Min(TestLabels.Length, (chunk + 1) * ChunkSize);
            for (var j = chunk * ChunkSize; j < end; j++)
                agreement += AddTestPoint(Tests.AsSpan(j * Dimensions, Dimensions), TestLabels[j], distances, top, next, sums, slots);
            return sums;
        }

        /// <summary>Credits one evaluation point's slots; returns its agreement U_t(credited).</summary>
        private double AddTestPoint(ReadOnlySpan<double> test, int label, double[] distances, int[] top, int[] next, double[] sums,
            (int[] Right, int[] Wrong) slots)
        {
            var n = ItemLabels.Length;
            for (var i = 0; i < n; i++)
                if (Credited[i]) distances[i] = Distances.SquaredEuclidean(Items.AsSpan(i * Dimensions, Dimensions), test);
            var p = label < Prior.Length ? Prior[label] : 0.0;
            var held = 0;
            foreach (var stage in Stages)
            {
                var count = Nearest(stage, distances, next);
                // Entering items are those of this stage's cohort; the rest of the old slots they push out (or the
                // empty slots they fill, worth 0) are what they displace.
                var entering = 0;
                var enteringWorth = 0.0;
                for (var s = 0; s < count; s++)
                    if (Cohorts[next[s]] == stage) { entering++; enteringWorth += Worth(next[s], label, p); }
                if (entering > 0)
                {
                    var displacedWorth = 0.0;
                    for (var s = 0; s < held; s++)
                        if (Array.IndexOf(next, top[s], 0, count) < 0) displacedWorth += Worth(top[s], label, p);
                    var mean = displacedWorth / entering;
                    for (var s = 0; s < count; s++)
                        if (Cohorts[next[s]] == stage) sums[next[s]] += (Worth(next[s], label, p) - mean) / K;
                }
                Array.Copy(next, top, count);
                held = count;
            }
            var agree = 0.0;
            // The final model's slots: who holds them, rightly or wrongly, is what the harm measure counts.
            for (var s = 0; s < held; s++)
            {
                if (ItemLabels[top[s]] == label) { agree += 1.0; slots.Right[top[s]]++; }
                else slots.Wrong[top[s]]++;
            }
            return (agree + (K - held) * p) / K;
        }

        private double Worth(int item, int label, double p) => (ItemLabels[item] == label ? 1.0 : 0.0) - p;

        /// <summary>The K nearest credited items of cohorts up to <paramref name="stage"/>, nearest first (ties by index).</summary>
        private int Nearest(int stage, double[] distances, int[] result)
        {
            var count = 0;
            for (var i = 0; i < ItemLabels.Length; i++)
            {
                if (!Credited[i] || Cohorts[i] > stage) continue;
                var d = distances[i];
                if (d > MaxSquaredDistance) continue;
                if (count == K && !(d < distances[result[count - 1]])) continue;
                // Insertion into a small sorted array: K is small, and a scan keeps ties in index order.
                var at = count < K ? count++ : count - 1;
                while (at > 0 && d < distances[result[at - 1]])
                {
                    result[at] = result[at - 1];
                    at--;
                }
                result[at] = i;
            }
            return count;
        }
    }
}

/// <summary>
/// Item values of <see cref="NeighbourCreditCore"/>; they add up to <c>Full</c> − <c>Empty</c>. <c>Full</c> is
/// U(credited): the mean over evaluation points of the share of its K slots holding its label (an empty slot counts
/// p). <c>Empty</c> is U(∅), every slot empty: Σ p_c² over the evaluation set's classes. <c>RightSlots</c> and
/// <c>WrongSlots</c> count, per item, the final model's slots it holds with the point's label and with another.
/// </summary>
public sealed record NeighbourCreditResult(double[] ItemValues, double Full, double Empty, int[] RightSlots, int[] WrongSlots);

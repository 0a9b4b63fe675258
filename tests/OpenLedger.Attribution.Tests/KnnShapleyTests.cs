using System.Numerics;
using OpenLedger.Attribution.Methods;

namespace OpenLedger.Attribution.Tests;

public class KnnShapleyTests
{
    [Theory]
    [InlineData(1, 8, 1)]
    [InlineData(3, 9, 2)]
    [InlineData(5, 10, 3)]
    [InlineData(2, 7, 4)]
    [InlineData(12, 8, 5)]
    public void Closed_form_matches_brute_force_shapley_of_the_knn_utility(int k, int n, int seed)
    {
        var random = new Random(seed);
        const int d = 2;
        // Integer coordinates make equal distances common, so the tie rule (nearer index first) is exercised too.
        var items = Enumerable.Range(0, n * d).Select(_ => (double)random.Next(0, 4)).ToArray();
        var labels = Enumerable.Range(0, n).Select(_ => random.Next(0, 3)).ToArray();
        var tests = Enumerable.Range(0, 4 * d).Select(_ => (double)random.Next(0, 4)).ToArray();
        var testLabels = Enumerable.Range(0, 4).Select(_ => random.Next(0, 3)).ToArray();

        var values = KnnShapleyCore.Compute(items, labels, tests, testLabels, d, k);
        var brute = BruteForceShapley(n, mask => KnnUtility(mask, items, labels, tests, testLabels, d, k));
        for (var i = 0; i < n; i++) Assert.Equal(brute[i], values[i], 1e-9);
    }

    [Fact]
    public void Parallel_and_sequential_runs_give_bit_identical_values()
    {
        var random = new Random(17);
        const int n = 3000, t = 101, d = 8;
        var items = Enumerable.Range(0, n * d).Select(_ => random.NextDouble()).ToArray();
        var labels = Enumerable.Range(0, n).Select(_ => random.Next(0, 10)).ToArray();
        var tests = Enumerable.Range(0, t * d).Select(_ => random.NextDouble()).ToArray();
        var testLabels = Enumerable.Range(0, t).Select(_ => random.Next(0, 10)).ToArray();
        var parallel = KnnShapleyCore.Compute(items, labels, tests, testLabels, d, 5, parallel: true);
        var sequential = KnnShapleyCore.Compute(items, labels, tests, testLabels, d, 5, parallel: false);
        Assert.Equal(sequential.Select(BitConverter.DoubleToInt64Bits), parallel.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void Values_are_efficient_they_sum_to_the_utility_of_all_items()
    {
        var random = new Random(23);
        const int n = 200, t = 30, d = 3, k = 7;
        var items = Enumerable.Range(0, n * d).Select(_ => random.NextDouble()).ToArray();
        var labels = Enumerable.Range(0, n).Select(_ => random.Next(0, 2)).ToArray();
        var tests = Enumerable.Range(0, t * d).Select(_ => random.NextDouble()).ToArray();
        var testLabels = Enumerable.Range(0, t).Select(_ => random.Next(0, 2)).ToArray();
        var values = KnnShapleyCore.Compute(items, labels, tests, testLabels, d, k);
        var full = Enumerable.Range(0, t).Average(j => KnnUtilityOne(Enumerable.Range(0, n).ToArray(), items, labels, tests.AsSpan(j * d, d).ToArray(), testLabels[j], d, k));
        Assert.Equal(full, values.Sum(), 1e-9);
    }

    [Fact]
    public void Item_values_are_summed_per_contribution_and_duplicate_contributions_leave_the_game()
    {
        var evidence = new KnnShapleyEvidence(1, 1, [1, 1, 2, 3], [0.0, 1.0, 5.0, 5.0], [0, 0, 1, 1], [0.1, 5.0], [0, 1]);
        var all = new KnnShapley().Compute(evidence, new HashSet<BigInteger>()).Values;
        var core = KnnShapleyCore.Compute([0.0, 1.0, 5.0, 5.0], [0, 0, 1, 1], [0.1, 5.0], [0, 1], 1, 1);
        Assert.Equal(core[0] + core[1], all[1], 1e-15);
        // Items 3 and 4 are at the same place: with 3 a duplicate, 2 alone answers the second test point.
        var without = new KnnShapley().Compute(evidence, new HashSet<BigInteger> { 3 }).Values;
        Assert.Equal(0.0, without[3]);
        Assert.Equal(0.5, without[2], 1e-12);
        Assert.True(all[2] < without[2]);
    }

    [Fact]
    public void Bad_dimensions_and_k_are_rejected()
    {
        Assert.Contains("K must be at least 1", Assert.Throws<AttributionException>(() => KnnShapleyCore.Compute([1.0], [0], [1.0], [0], 1, 0)).Message);
        Assert.Contains("need 4 numbers but got 3", Assert.Throws<AttributionException>(() => KnnShapleyCore.Compute([1.0, 2, 3], [0, 1], [1.0, 1], [0], 2, 1)).Message);
    }

    private static double KnnUtility(int mask, double[] items, int[] labels, double[] tests, int[] testLabels, int d, int k)
    {
        var members = Enumerable.Range(0, labels.Length).Where(i => (mask >> i & 1) != 0).ToArray();
        return Enumerable.Range(0, testLabels.Length).Average(j => KnnUtilityOne(members, items, labels, tests.AsSpan(j * d, d).ToArray(), testLabels[j], d, k));
    }

    private static double KnnUtilityOne(int[] members, double[] items, int[] labels, double[] test, int testLabel, int d, int k)
    {
        var nearest = members
            .OrderBy(i => Enumerable.Range(0, d).Sum(x => (items[i * d + x] - test[x]) * (items[i * d + x] - test[x])))
            .ThenBy(i => i)
            .Take(k);
        return nearest.Count(i => labels[i] == testLabel) / (double)k;
    }

    /// <summary>The textbook subset formula with factorials, independent of the library's bitmask implementation.</summary>
    private static double[] BruteForceShapley(int n, Func<int, double> utility)
    {
        var u = Enumerable.Range(0, 1 << n).Select(utility).ToArray();
        double Factorial(int m) => m <= 1 ? 1 : m * Factorial(m - 1);
        var result = new double[n];
        for (var i = 0; i < n; i++)
            for (var s = 0; s < 1 << n; s++)
                if ((s >> i & 1) == 0)
                {
                    var size = BitOperations.PopCount((uint)s);
                    result[i] += Factorial(size) * Factorial(n - size - 1) / Factorial(n) * (u[s | 1 << i] - u[s]);
                }
        return result;
    }
}

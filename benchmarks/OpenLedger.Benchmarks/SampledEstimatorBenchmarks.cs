using System.Numerics;
using BenchmarkDotNet.Attributes;
using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Sampling;

namespace OpenLedger.Benchmarks;

/// <summary>TMC-Shapley and Banzhaf (MSR) estimators: 100 contributors, 10,000 utilities each.</summary>
public class SampledEstimatorBenchmarks
{
    private const int Players = 100;
    private int[][] _orders = [];
    private double[][] _prefixUtilities = [];
    private ulong[][] _membership = [];
    private double[] _utilities = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new DeterministicRandom(1);
        // 100 permutations × 100 prefix utilities = 10,000 utilities.
        _orders = Enumerable.Range(0, 100).Select(_ => random.Permutation(Players)).ToArray();
        _prefixUtilities = _orders.Select(o => o.Select((_, j) => Math.Sqrt(j + 1)).ToArray()).ToArray();
        _membership = Enumerable.Range(0, 10_000).Select(_ => new[] { random.NextUInt64(), random.NextUInt64() & 0xFFFFFFFFFUL }).ToArray();
        _utilities = _membership.Select(m => (double)(BitOperations.PopCount(m[0]) + BitOperations.PopCount(m[1]))).ToArray();
    }

    [Benchmark]
    public SampledValues TmcShapley() => TmcShapleyEstimator.Estimate(Players, 0, _orders, _prefixUtilities);

    [Benchmark]
    public SampledValues Banzhaf() => BanzhafMsrEstimator.Estimate(Players, _membership, _utilities);
}

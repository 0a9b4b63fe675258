using BenchmarkDotNet.Attributes;
using OpenLedger.Attribution.Methods;

namespace OpenLedger.Benchmarks;

/// <summary>Exact KNN-Shapley of 10,000 items against 1,000 test points (the demo's size).</summary>
public class KnnShapleyBenchmarks
{
    private double[] _items = [], _tests = [];
    private int[] _itemLabels = [], _testLabels = [];

    [Params(32)]
    public int Dimensions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _items = Enumerable.Range(0, 10_000 * Dimensions).Select(_ => random.NextDouble()).ToArray();
        _itemLabels = Enumerable.Range(0, 10_000).Select(_ => random.Next(10)).ToArray();
        _tests = Enumerable.Range(0, 1_000 * Dimensions).Select(_ => random.NextDouble()).ToArray();
        _testLabels = Enumerable.Range(0, 1_000).Select(_ => random.Next(10)).ToArray();
    }

    [Benchmark]
    public double[] Items10000Tests1000K5() => KnnShapleyCore.Compute(_items, _itemLabels, _tests, _testLabels, Dimensions, 5);
}

using System.Numerics;
using OpenLedger.Attribution.Methods;

namespace OpenLedger.Arena.Play;

/// <summary>
/// The utility of a coalition of contributions: the accuracy on the evaluation split of the k-NN classifier retrained
/// on exactly the coalition's items (the same classifier as <see cref="OpenLedger.Training.Datasets.KnnClassifier"/>:
/// Euclidean, ties by item position, majority vote, a tied vote to the tied class with the nearest member); the
/// empty coalition is worth the report's baseline. Each test point's items are sorted by distance once, so a
/// coalition's evaluation only walks each list to its first K members. Utilities are memoised per coalition.
/// </summary>
public sealed class CoalitionGame
{
    private readonly ScenarioReport _report;
    private readonly int _k;
    private readonly int _items;
    private readonly byte[] _ownerInOrder;
    private readonly byte[] _labelInOrder;
    private readonly int _classes;
    private readonly Dictionary<ulong, double> _memo = [];

    public CoalitionGame(ScenarioReport report, int k)
    {
        if (report.Ids.Length > 64) throw new ArenaException($"The coalition game supports at most 64 contributions but the scenario has {report.Ids.Length}");
        _report = report;
        _k = k;
        _items = report.ItemLabels.Length;
        _classes = Math.Max(report.ItemLabels.Max(), report.TestLabels.Max()) + 1;
        if (_classes > 256) throw new ArenaException($"The coalition game supports at most 256 classes but the labels reach {_classes - 1}");
        var tests = report.TestLabels.Length;
        _ownerInOrder = new byte[tests * _items];
        _labelInOrder = new byte[tests * _items];
        var d = report.Dimensions;
        Parallel.For(0, tests, t =>
        {
            var distances = new double[_items];
            var order = new int[_items];
            var point = report.Test.AsSpan(t * d, d);
            for (var i = 0; i < _items; i++)
            {
                distances[i] = Distances.SquaredEuclidean(report.Items.AsSpan(i * d, d), point);
                order[i] = i;
            }
            Array.Sort(distances, order);
            // Array.Sort is not stable: equal distances are put back in item order, as the classifier orders them.
            for (var start = 0; start < _items;)
            {
                var end = start + 1;
                while (end < _items && distances[end] == distances[start]) end++;
                if (end - start > 1) Array.Sort(order, start, end - start);
                start = end;
            }
            for (var j = 0; j < _items; j++)
            {
                _ownerInOrder[t * _items + j] = (byte)report.ItemOwner[order[j]];
                _labelInOrder[t * _items + j] = (byte)report.ItemLabels[order[j]];
            }
        });
    }

    public double Utility(ulong coalition)
    {
        if (coalition == 0) return _report.Baseline;
        if (_memo.TryGetValue(coalition, out var cached)) return cached;
        var correct = 0;
        var votes = new int[_classes];
        var tests = _report.TestLabels.Length;
        for (var t = 0; t < tests; t++)
        {
            Array.Clear(votes);
            var owners = _ownerInOrder.AsSpan(t * _items, _items);
            var labels = _labelInOrder.AsSpan(t * _items, _items);
            int found = 0, best = 0, prediction = -1;
            for (var j = 0; j < _items && found < _k; j++)
            {
                if ((coalition >> owners[j] & 1) == 0) continue;
                best = Math.Max(best, ++votes[labels[j]]);
                found++;
            }
            for (var j = 0; prediction < 0; j++)
                if ((coalition >> owners[j] & 1) != 0 && votes[labels[j]] == best) prediction = labels[j];
            if (prediction == _report.TestLabels[t]) correct++;
        }
        var utility = (double)correct / tests;
        _memo[coalition] = utility;
        return utility;
    }

    /// <summary>The utility of the contributions with these ids (what the samplers call).</summary>
    public double Utility(IReadOnlyList<BigInteger> members)
    {
        var mask = 0UL;
        foreach (var id in members) mask |= 1UL << (int)(id - 1);
        return Utility(mask);
    }
}

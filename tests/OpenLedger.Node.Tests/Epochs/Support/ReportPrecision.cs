using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Precision;
using OpenLedger.Attribution.Reports;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Node.Tests.Epochs.Support;

/// <summary>
/// Adds a precision section to a <see cref="ReportJson"/> report: the subsets the seed of <paramref name="blockHash"/>
/// draws, each with the utility <c>sum of its members' scores + noise</c>, and the LDS the engine will recompute.
/// </summary>
public static class ReportPrecision
{
    public static JsonObject With(JsonObject report, Hash32 blockHash)
    {
        var model = BigInteger.Parse(report["modelId"]!.GetValue<string>());
        var epoch = (ulong)report["epoch"]!.GetValue<long>();
        var testSet = Hash32.Parse(report["evaluation"]!["testSetHash"]!.GetValue<string>());
        var values = report["attribution"]!["evidence"]!["scores"]!.AsArray()
            .ToDictionary(s => BigInteger.Parse(s!["id"]!.GetValue<string>()), s => s!["value"]!.GetValue<double>());
        var seed = PrecisionSeed.Derive(model, epoch, testSet, blockHash);
        var subsets = PrecisionSubsets.Draw([.. values.Keys], 100, seed);
        var noise = new Attribution.Sampling.DeterministicRandom(9);
        var measured = subsets.Select(s => new CoalitionUtility(s, s.Sum(id => values[id]) + noise.NextInt(10) / 100.0)).ToArray();
        var lds = LinearDatamodelingScore.Measure(values, subsets, [.. measured.Select(m => m.Utility)]);
        report["precision"] = Attribution.Reports.PrecisionJson.ToJson(
            new PrecisionSection("knn(k=5)", blockHash, seed, measured, lds.Spearman, lds.Lower, lds.Upper, 0.95));
        return report;
    }
}

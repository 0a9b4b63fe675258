using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Attribution.Reports;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Training.Datasets;

namespace OpenLedger.Training.Precision;

/// <summary>
/// The precision section of a k-NN report: the values are the ones the engine computes from the report as built (what
/// the epoch pays on), and the real model is the k-NN classifier of the report's K retrained on each subset's rows,
/// scaled as the report scales them, scored by accuracy on the sealed evaluation split.
/// </summary>
public static class KnnPrecision
{
    public static PrecisionSection Measure(JsonObject report, KnnReportRequest request, Hash32 commitmentBlockHash, Standardizer scaler, LabelledDataset test)
    {
        var parsed = PerformanceReportParser.Parse(report.ToJsonString());
        var distribution = AttributionEngine.Distribute(parsed);
        var values = distribution.Contributions.ToDictionary(c => c.Id, c => c.Value);
        var eligible = PrecisionSectionReader.Eligible(parsed.Contributions);
        var rows = request.Shards.Where(s => eligible.Contains(s.Contribution.Id))
            .ToDictionary(s => s.Contribution.Id, s => scaler.Transform(s.Rows));
        var utility = new KnnSubsetUtility(rows, test, request.K);
        var precision = new PrecisionRequest(request.ModelId, request.Epoch, parsed.Evaluation.TestSetHash, commitmentBlockHash,
            utility.ModelClass, request.PrecisionSubsets);
        return PrecisionBuilder.Measure(precision, values, eligible, utility.Measure);
    }
}

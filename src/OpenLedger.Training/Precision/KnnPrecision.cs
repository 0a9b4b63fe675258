using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OpenLedger.Attribution.Reports;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Training.Datasets;

namespace OpenLedger.Training.Precision;

/// <summary>
/// The precision section of a k-NN report: the values are the ones the engine computes from the report as built (what
/// the epoch pays on), and the real model is the k-NN classifier of the report's K retrained on each subset's rows,
/// scaled as the report scales them (by the evaluation split's statistics), scored by accuracy on that split.
/// </summary>
public static partial class KnnPrecision
{
    public static PrecisionSection Measure(JsonObject report, KnnReportRequest request, Hash32 commitmentBlockHash, Standardizer scaler, LabelledDataset test)
    {
        var parsed = PerformanceReportParser.Parse(report.ToJsonString());
        var distribution = AttributionEngine.Distribute(parsed);
        var values = distribution.Contributions.ToDictionary(c => c.Id, c => c.Value);
        var eligible = PrecisionSectionReader.Eligible(parsed.Contributions);
        var utility = new KnnSubsetUtility(VerifierInputs.Rows(request.Shards, eligible, scaler), test, request.K);
        var precision = new PrecisionRequest(request.ModelId, request.Epoch, parsed.Evaluation.TestSetHash, commitmentBlockHash,
            utility.ModelClass, request.PrecisionSubsets);
        return PrecisionBuilder.Measure(precision, values, eligible, utility.Measure);
    }

    /// <summary>
    /// A verifier's own subset utility for a report whose precision was measured with <c>knn(k=K)</c>: the shards and
    /// the raw evaluation split (whose hash must be the report's test set hash) scaled as the builder scales them.
    /// </summary>
    public static KnnSubsetUtility UtilityFor(PerformanceReport report, IReadOnlyList<ContributedShard> shards, LabelledDataset rawTest)
    {
        var section = report.Precision ?? throw new AttributionException("The report has no precision section to re-measure");
        var match = KnnClass().Match(section.ModelClass);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var k) || k < 1)
            throw new AttributionException($"The report's precision was measured with model class '{section.ModelClass}', which this verifier cannot retrain (it knows knn(k=K))");
        var (scaler, eligible) = VerifierInputs.Check(report, shards, rawTest);
        return new KnnSubsetUtility(VerifierInputs.Rows(shards, eligible, scaler), scaler.Transform(rawTest), k);
    }

    /// <summary>Whether <paramref name="modelClass"/> names a k-NN model, <c>knn(k=K)</c>.</summary>
    public static bool IsKnnClass(string modelClass) => KnnClass().IsMatch(modelClass);

    [GeneratedRegex(@"^knn\(k=(\d+)\)$")]
    private static partial Regex KnnClass();
}

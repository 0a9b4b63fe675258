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
        var utility = new KnnSubsetUtility(Rows(request.Shards, eligible, scaler), test, request.K);
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
        var testHash = SklearnCsv.ContentHash(rawTest);
        if (testHash != report.Evaluation.TestSetHash)
            throw new AttributionException($"The evaluation file hashes to {testHash} but the report was scored on {report.Evaluation.TestSetHash}");
        var scaler = Standardizer.Fit(rawTest);
        var eligible = PrecisionSectionReader.Eligible(report.Contributions);
        var missing = eligible.Where(id => shards.All(s => s.Contribution.Id != id)).ToArray();
        if (missing.Length > 0)
            throw new AttributionException($"{missing.Length} creditable contribution(s) of the report have no file to retrain on: {string.Join(", ", missing.Take(5))}");
        return new KnnSubsetUtility(Rows(shards, eligible, scaler), scaler.Transform(rawTest), k);
    }

    private static Dictionary<BigInteger, LabelledDataset> Rows(IEnumerable<ContributedShard> shards, IReadOnlyList<BigInteger> eligible, Standardizer scaler) =>
        shards.Where(s => eligible.Contains(s.Contribution.Id)).ToDictionary(s => s.Contribution.Id, s => scaler.Transform(s.Rows));

    [GeneratedRegex(@"^knn\(k=(\d+)\)$")]
    private static partial Regex KnnClass();
}

using System.Numerics;
using OpenLedger.Attribution.Reports;
using OpenLedger.Training.Datasets;

namespace OpenLedger.Training.Precision;

/// <summary>
/// What a verifier's retraining needs from its files, checked against the report: the evaluation split must be the one
/// the report was scored on (its hash), and every creditable contribution (the players of the precision subsets and of
/// retraining evidence) must have a file. Features are scaled by the split's statistics, as every builder scales them.
/// </summary>
internal static class VerifierInputs
{
    public static (Standardizer Scaler, IReadOnlyList<BigInteger> Eligible) Check(PerformanceReport report, IReadOnlyList<ContributedShard> shards,
        LabelledDataset rawTest)
    {
        var testHash = SklearnCsv.ContentHash(rawTest);
        if (testHash != report.Evaluation.TestSetHash)
            throw new AttributionException($"The evaluation file hashes to {testHash} but the report was scored on {report.Evaluation.TestSetHash}");
        var eligible = PrecisionSectionReader.Eligible(report.Contributions);
        var missing = eligible.Where(id => shards.All(s => s.Contribution.Id != id)).ToArray();
        if (missing.Length > 0)
            throw new AttributionException($"{missing.Length} creditable contribution(s) of the report have no file to retrain on: {string.Join(", ", missing.Take(5))}");
        return (Standardizer.Fit(rawTest), eligible);
    }

    /// <summary>Each eligible contribution's rows, scaled.</summary>
    public static Dictionary<BigInteger, LabelledDataset> Rows(IEnumerable<ContributedShard> shards, IReadOnlyList<BigInteger> eligible, Standardizer scaler) =>
        shards.Where(s => eligible.Contains(s.Contribution.Id)).GroupBy(s => s.Contribution.Id).ToDictionary(g => g.Key, g => scaler.Transform(g.First().Rows));
}

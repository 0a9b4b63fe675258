using System.Globalization;
using System.Text.Json.Nodes;
using OpenLedger.Attribution;
using OpenLedger.Attribution.Precision;
using OpenLedger.Attribution.Reports;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Training.Precision;

namespace OpenLedger.Cli.Commands.Operator;

/// <summary>
/// What epoch verify says about a report's precision: the LDS the engine recomputed from it and, with --recompute and
/// the files, how far the report's measured subset utilities are from the verifier's own retraining on a sample.
/// </summary>
public sealed record PrecisionRecheck(PrecisionSummary? Claimed, PrecisionRecomputation? Recomputed)
{
    /// <summary>Re-measures <paramref name="sample"/> subsets with the report's model class retrained on the files.</summary>
    public static PrecisionRecomputation Recompute(PerformanceReport report, FileInfo test, DirectoryInfo data, int sample)
    {
        if (report.Precision is null) throw new CliException($"the report of model {report.ModelId} epoch {report.Epoch} has no precision section to re-measure");
        var rawTest = ShardFile.ReadDataset(test.FullName, "evaluation split");
        var matching = ShardMatching.Match(report.Contributions, ShardFile.ReadAll(data));
        try
        {
            var utility = KnnPrecision.UtilityFor(report, [.. matching.Shards.Select(s => s.Shard)], rawTest);
            return PrecisionRecompute.Compare(report.Precision, sample, utility.Measure);
        }
        catch (AttributionException e)
        {
            throw new CliException($"the precision cannot be re-measured: {e.Message}");
        }
    }

    public JsonObject ToJson() => new()
    {
        ["measured"] = Claimed is not null,
        ["modelClass"] = Claimed?.ModelClass,
        ["lds"] = Claimed?.Lds,
        ["lower"] = Claimed?.Lower,
        ["upper"] = Claimed?.Upper,
        ["subsets"] = Claimed?.Subsets,
        ["recomputed"] = Recomputed is { } r ? new JsonObject
        {
            ["sampled"] = r.Sampled,
            ["maxDifference"] = r.MaxDifference,
            ["meanDifference"] = r.MeanDifference,
            ["mismatched"] = r.Mismatched,
            ["firstMismatch"] = r.FirstMismatch,
        } : null,
    };

    public IEnumerable<string> Lines()
    {
        yield return "precision: " + ReportKnnSummary.PrecisionText(Claimed);
        if (Recomputed is not { } r) yield break;
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"re-measured {r.Sampled} of {r.Total} subsets: largest difference {r.MaxDifference:0.######}, mean {r.MeanDifference:0.######}");
        yield return r.Mismatched == 0
            ? $"{summary}; every utility matches the report's"
            : $"{summary}; {r.Mismatched} differ from the report's (first: subset {r.FirstMismatch})";
    }
}

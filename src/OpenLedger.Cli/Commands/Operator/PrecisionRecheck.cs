using System.Globalization;
using System.Text.Json.Nodes;
using OpenLedger.Attribution;
using OpenLedger.Attribution.Precision;
using OpenLedger.Attribution.Reports;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Training.Evidence;
using OpenLedger.Training.Models;
using OpenLedger.Training.Precision;

namespace OpenLedger.Cli.Commands.Operator;

/// <summary>
/// What epoch verify says about a report's precision: the LDS the engine recomputed from it and, with --recompute and
/// the files, how far the report's measured subset utilities are from the verifier's own retraining on a sample, and
/// for retraining evidence (a logreg or fasttree report's tmc-shapley, banzhaf, loo, exact-shapley; a logreg report's influence scores) how far its
/// coalition utilities are (<see cref="Evidence"/>, for the method <see cref="EvidenceMethod"/>).
/// </summary>
public sealed record PrecisionRecheck(PrecisionSummary? Claimed, PrecisionRecomputation? Recomputed,
    string? EvidenceMethod = null, PrecisionRecomputation? Evidence = null)
{
    /// <summary>Whether a re-measured utility differs from the report's: the report does not verify.</summary>
    public bool Mismatched => Recomputed is { Mismatched: > 0 } || Evidence is { Mismatched: > 0 };

    /// <summary>
    /// Re-measures <paramref name="sample"/> subsets with the model class the precision section names, retrained on the
    /// files, and as many of the evidence's coalitions when they were measured by retraining.
    /// </summary>
    public static PrecisionRecheck Recompute(PerformanceReport report, PrecisionSummary? claimed, FileInfo test, DirectoryInfo data, int sample)
    {
        if (report.Precision is null) throw new CliException($"the report of model {report.ModelId} epoch {report.Epoch} has no precision section to re-measure");
        var rawTest = ShardFile.ReadDataset(test.FullName, "evaluation split");
        var matching = ShardMatching.Match(report.Contributions, ShardFile.ReadAll(data));
        var shards = matching.Shards.Select(s => s.Shard).ToArray();
        try
        {
            var section = report.Precision;
            var retrainedEvidence = EvidenceRecompute.Remeasurable(report.Attribution, section.ModelClass);
            if (!ModelClasses.All.ContainsKey(section.ModelClass))
            {
                var subsets = PrecisionRecompute.Compare(section, sample, SubsetUtilities.For(report, shards, rawTest));
                // Retraining evidence names no model class; the precision section's is the one the report's builder trained for both.
                if (retrainedEvidence)
                    throw new AttributionException($"The report's {report.Attribution.Method} evidence was measured by retraining, but its precision section " +
                        $"names model class '{section.ModelClass}', not one of {string.Join(", ", ModelClasses.All.Keys)}, so there is no model to retrain it with");
                return new PrecisionRecheck(claimed, subsets);
            }
            // One game for both: a coalition that is a precision subset and an evidence coalition trains once.
            var game = ModelPrecision.GameFor(report, shards, rawTest);
            var measured = PrecisionRecompute.Compare(section, sample, game.Utility);
            return retrainedEvidence
                ? new PrecisionRecheck(claimed, measured, report.Attribution.Method, EvidenceRecompute.Compare(report, game, sample))
                : new PrecisionRecheck(claimed, measured);
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
        ["recomputed"] = Recomputed is { } r ? Json(r) : null,
        ["evidence"] = Evidence is { } e ? Json(e, EvidenceMethod) : null,
    };

    private static JsonObject Json(PrecisionRecomputation r, string? method = null)
    {
        var json = new JsonObject();
        if (method is not null) json["method"] = method;
        json["sampled"] = r.Sampled;
        json["total"] = r.Total;
        json["maxDifference"] = r.MaxDifference;
        json["meanDifference"] = r.MeanDifference;
        json["mismatched"] = r.Mismatched;
        json["tolerance"] = PrecisionRecompute.Tolerance;
        json["firstMismatch"] = r.FirstMismatch;
        json["firstMembers"] = r.FirstMembers is { } members ? new JsonArray([.. members.Select(id => (JsonNode)RegisteredContributions.HexId(id))]) : null;
        json["firstReported"] = r.FirstReported;
        json["firstRemeasured"] = r.FirstRemeasured;
        return json;
    }

    public IEnumerable<string> Lines()
    {
        yield return "precision: " + ReportKnnSummary.PrecisionText(Claimed);
        if (Recomputed is { } r) yield return Line(r, "subsets", "subset");
        if (Evidence is { } e)
            yield return EvidenceMethod == "scores" ? Line(e, "influence scores", "score") : Line(e, $"{EvidenceMethod} evidence coalitions", "coalition");
    }

    private static string Line(PrecisionRecomputation r, string what, string one)
    {
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"re-measured {r.Sampled} of {r.Total} {what}: largest difference {r.MaxDifference:0.######}, mean {r.MeanDifference:0.######}");
        return r.Mismatched == 0
            ? $"{summary}; every utility matches the report's"
            : string.Create(CultureInfo.InvariantCulture,
                $"{summary}; {r.Mismatched} differ from the report's by more than {PrecisionRecompute.Tolerance:0e0} (first: {one} {r.FirstMismatch} " +
                $"[{string.Join(", ", (r.FirstMembers ?? []).Select(RegisteredContributions.HexId))}], reported {r.FirstReported:0.######}, re-measured {r.FirstRemeasured:0.######})");
    }
}

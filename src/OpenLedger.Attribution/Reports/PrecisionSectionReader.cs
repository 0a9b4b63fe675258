using System.Numerics;
using System.Text.Json;
using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Precision;

namespace OpenLedger.Attribution.Reports;

/// <summary>
/// Reads and validates a report's optional <c>precision</c> section. What can be checked without the attribution
/// values is checked here: the seed is the one the report derives (<see cref="PrecisionSeed"/>), the subsets are
/// exactly the first ones that seed draws over the credited contributions, at least
/// <see cref="PrecisionSection.MinimumSubsets"/> of them, every number finite and the claimed interval ordered. The
/// engine then recomputes the score itself (<see cref="PrecisionCheck"/>).
/// </summary>
public static class PrecisionSectionReader
{
    public const string Path = "precision";

    public static PrecisionSection? Read(JsonElement root, JsonFieldReader r)
    {
        var p = r.Object(root, "", Path, required: false);
        if (p is null) return null;
        var before = r.Problems.Count;
        var modelClass = r.String(p.Value, Path, "modelClass");
        if (modelClass is { Length: 0 }) r.Fail($"{Path}.modelClass", "must name the model class that was retrained but is empty");
        var blockHash = r.Hash(p.Value, Path, "commitmentBlockHash");
        var seed = r.Integer(p.Value, Path, "seed");
        var subsets = EvidenceReader.Coalitions(p.Value, Path, "subsets", r);
        if (subsets is not null && subsets.Count < PrecisionSection.MinimumSubsets)
            r.Fail($"{Path}.subsets", $"must hold at least {PrecisionSection.MinimumSubsets} subsets but holds {subsets.Count}");
        var lds = r.Finite(p.Value, Path, "lds");
        var lower = r.Finite(p.Value, Path, "lower");
        var upper = r.Finite(p.Value, Path, "upper");
        var confidence = r.Member(p.Value, Path, "confidence", required: false) is null
            ? PrecisionSection.DefaultConfidence
            : r.Finite(p.Value, Path, "confidence");
        if (confidence is not null && !(confidence > 0 && confidence < 1))
            r.Fail($"{Path}.confidence", $"must be strictly between 0 and 1 but is {PerformanceReportParser.Format(confidence.Value)}");
        if (lds is not null && !(lds >= -1 && lds <= 1))
            r.Fail($"{Path}.lds", $"is a rank correlation, between -1 and 1, but is {PerformanceReportParser.Format(lds.Value)}");
        if (lds is not null && lower is not null && upper is not null && !(lower <= lds && lds <= upper))
            r.Fail($"{Path}.lower", $"the interval [{PerformanceReportParser.Format(lower.Value)}, {PerformanceReportParser.Format(upper.Value)}] " +
                $"must contain the lds {PerformanceReportParser.Format(lds.Value)}");
        if (r.Problems.Count > before) return null;
        return new PrecisionSection(modelClass!, blockHash!.Value, seed!.Value, subsets!, lds!.Value, lower!.Value, upper!.Value, confidence!.Value);
    }

    /// <summary>
    /// The contributions precision subsets are drawn over: every one the epoch can credit, i.e. neither slashed nor
    /// a later copy of earlier content. Their values are what the epoch pays on, so they are what must predict the model.
    /// </summary>
    public static IReadOnlyList<BigInteger> Eligible(IReadOnlyList<ContributionEntry> contributions)
    {
        var duplicates = AttributionEngine.FindDuplicates(contributions).Select(d => d.Id).ToHashSet();
        return [.. contributions.Where(c => c.Status != ContributionStatus.Slashed && !duplicates.Contains(c.Id)).Select(c => c.Id).Order()];
    }

    /// <summary>
    /// Once the report's identity, evaluation and contributions are read: the seed must be the derived one and the
    /// subsets the seed's first draws (in any member order). Only the first differing subset is reported.
    /// </summary>
    public static void Check(PrecisionSection section, BigInteger modelId, ulong epoch, Evaluation evaluation,
        IReadOnlyList<ContributionEntry> contributions, JsonFieldReader r)
    {
        var expected = PrecisionSeed.Derive(modelId, epoch, evaluation.TestSetHash, section.CommitmentBlockHash);
        if (section.Seed != expected)
        {
            r.Fail($"{Path}.seed", $"must be {expected}, the seed derived from modelId, epoch, evaluation.testSetHash and " +
                $"precision.commitmentBlockHash (top {PrecisionSeed.Bits} bits of keccak256(abi.encode(...))), but is {section.Seed}");
            return;
        }
        var eligible = Eligible(contributions);
        if (eligible.Count < 2)
        {
            r.Fail(Path, $"precision needs at least 2 creditable contributions to draw subsets of half of them but the report has {eligible.Count}");
            return;
        }
        var drawn = PrecisionSubsets.Draw(eligible, section.Subsets.Count, section.Seed);
        for (var s = 0; s < drawn.Count; s++)
        {
            var members = section.Subsets[s].Members;
            if (members.Count == drawn[s].Count && members.Order().SequenceEqual(drawn[s])) continue;
            r.Fail($"{Path}.subsets[{s}].members", $"is not the subset seed {section.Seed} draws: expected [{string.Join(", ", drawn[s])}] " +
                $"({drawn[s].Count} of the {eligible.Count} creditable contributions) but got [{string.Join(", ", members)}]");
            return;
        }
    }
}

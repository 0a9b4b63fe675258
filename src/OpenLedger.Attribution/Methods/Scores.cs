using System.Numerics;
using System.Text.Json;
using OpenLedger.Attribution.Reports;

namespace OpenLedger.Attribution.Methods;

/// <summary><c>scores</c>: the trainer's own per-contribution values.</summary>
public sealed class Scores : IAttributionMethod
{
    public string Name => "scores";

    public AttributionEvidence? ParseEvidence(JsonElement attribution, string path, JsonFieldReader reader)
    {
        var evidence = reader.Object(attribution, path, "evidence");
        if (evidence is null) return null;
        var scores = EvidenceReader.IdValues(evidence.Value, JsonFieldReader.Join(path, "evidence"), "scores", "value", reader);
        return scores is null ? null : new ScoresEvidence(scores);
    }

    public ContributionValues Compute(AttributionEvidence evidence, IReadOnlySet<BigInteger> excluded) =>
        new(ExactShapley.Expect<ScoresEvidence>(evidence).Scores.ToDictionary(x => x.Id, x => x.Value));
}

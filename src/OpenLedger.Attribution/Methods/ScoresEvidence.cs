using System.Numerics;
using OpenLedger.Attribution.Reports;

namespace OpenLedger.Attribution.Methods;

/// <summary>Per-contribution values computed by the trainer (influence functions, TracIn, ...), taken as given.</summary>
public sealed record ScoresEvidence(IReadOnlyList<(BigInteger Id, double Value)> Scores) : AttributionEvidence
{
    public override IEnumerable<EvidenceReference> References() =>
        EvidenceReader.References(Scores.Select(x => x.Id).ToArray(), j => $"attribution.evidence.scores[{j}].id");
}

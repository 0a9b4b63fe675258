using System.Numerics;
using System.Text.Json;
using OpenLedger.Attribution.Reports;

namespace OpenLedger.Attribution.Methods;

/// <summary><c>loo</c>: value = U(N) − U(N ∖ {i}).</summary>
public sealed class LeaveOneOut : IAttributionMethod
{
    public string Name => "loo";

    public AttributionEvidence? ParseEvidence(JsonElement attribution, string path, JsonFieldReader reader)
    {
        var evidencePath = JsonFieldReader.Join(path, "evidence");
        var evidence = reader.Object(attribution, path, "evidence");
        if (evidence is null) return null;
        var full = reader.Finite(evidence.Value, evidencePath, "fullUtility");
        var leftOut = EvidenceReader.IdValues(evidence.Value, evidencePath, "leftOut", "utility", reader);
        return full is null || leftOut is null ? null : new LeaveOneOutEvidence(full.Value, leftOut);
    }

    public ContributionValues Compute(AttributionEvidence evidence, IReadOnlySet<BigInteger> excluded)
    {
        var e = ExactShapley.Expect<LeaveOneOutEvidence>(evidence);
        return new ContributionValues(e.LeftOut.ToDictionary(x => x.Id, x => e.FullUtility - x.Utility));
    }
}

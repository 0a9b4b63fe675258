using System.Numerics;
using OpenLedger.Attribution.Reports;

namespace OpenLedger.Attribution.Methods;

/// <summary>The utility with every contribution, and with each contribution left out.</summary>
public sealed record LeaveOneOutEvidence(double FullUtility, IReadOnlyList<(BigInteger Id, double Utility)> LeftOut)
    : AttributionEvidence
{
    public override IEnumerable<EvidenceReference> References() =>
        EvidenceReader.References(LeftOut.Select(x => x.Id).ToArray(), j => $"attribution.evidence.leftOut[{j}].id");

    public static LeaveOneOutEvidence Generate(IReadOnlyList<BigInteger> players, Func<IReadOnlyList<BigInteger>, double> utility) =>
        new(utility(players), players.Select(id => (id, utility(players.Where(p => p != id).ToArray()))).ToArray());
}

using System.Numerics;
using OpenLedger.Attribution.Reports;
using OpenLedger.Attribution.Sampling;

namespace OpenLedger.Attribution.Methods;

/// <summary>
/// Utilities of random coalitions of <paramref name="Players"/>. The same coalition may be drawn twice: samples are
/// drawn with replacement, and dropping repeats would bias the estimator. The players are in ascending order and the
/// coalitions are those <paramref name="Seed"/> draws (<see cref="BanzhafSampler.Draw"/>).
/// </summary>
public sealed record BanzhafEvidence(IReadOnlyList<BigInteger> Players, ulong Seed, IReadOnlyList<CoalitionUtility> Samples)
    : AttributionEvidence, ISeededEvidence
{
    public override IEnumerable<EvidenceReference> References() =>
        EvidenceReader.References(Players, j => $"attribution.evidence.players[{j}]")
            .Concat(Samples.SelectMany((s, i) => EvidenceReader.References(s.Members,
                j => $"attribution.evidence.samples[{i}].members[{j}]")));
}

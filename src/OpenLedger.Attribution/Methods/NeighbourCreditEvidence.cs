using System.Numerics;
using OpenLedger.Attribution.Reports;

namespace OpenLedger.Attribution.Methods;

/// <summary>
/// The evidence of <c>neighbour-credit</c>: the contributions' items and the evaluation set (embeddings row-major,
/// <paramref name="Dimensions"/> numbers each) and the method's parameters: K; the near-duplicate tolerance (RMS
/// distance in evaluation-set spread units, see <see cref="Screening.ItemScreening"/>); the neighbour radius (the same
/// units: no item farther than it from an evaluation point holds one of its slots); the share of harmful items at which a
/// contribution becomes a flag candidate (with <paramref name="HarmfulConfidenceZ"/> &gt; 0, the one-sided Wilson lower
/// bound of that share at this z, so a few borderline rows of a small honest shard do not make it one; 0, as in reports
/// written before it existed, compares the share itself); and the cohort boundaries (blocks at which earlier epochs were posted,
/// ascending), which order contributions into cohorts by their registration block.
/// </summary>
public sealed record NeighbourCreditEvidence(int K, double DuplicateTolerance, double NeighbourRadius, double HarmfulFractionThreshold,
    IReadOnlyList<ulong> CohortBoundaries, int Dimensions,
    IReadOnlyList<BigInteger> ItemContributions, double[] ItemEmbeddings, int[] ItemLabels,
    double[] TestEmbeddings, int[] TestLabels, double HarmfulConfidenceZ = 0.0) : AttributionEvidence
{
    public override IEnumerable<EvidenceReference> References() =>
        EvidenceReader.References(ItemContributions, j => $"attribution.evidence.items[{j}].contribution");

    /// <summary>The cohort of a contribution registered at <paramref name="block"/>: how many boundaries lie before it.</summary>
    public int CohortOf(ulong block)
    {
        var cohort = 0;
        while (cohort < CohortBoundaries.Count && CohortBoundaries[cohort] < block) cohort++;
        return cohort;
    }
}

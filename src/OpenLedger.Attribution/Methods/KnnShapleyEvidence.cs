using System.Numerics;
using OpenLedger.Attribution.Reports;

namespace OpenLedger.Attribution.Methods;

/// <summary>
/// Embedded items of the contributions (each tagged with its contribution id) and the embedded test set, row-major
/// with <paramref name="Dimensions"/> numbers per row; K of the K-nearest-neighbour classifier.
/// </summary>
public sealed record KnnShapleyEvidence(int K, int Dimensions,
    IReadOnlyList<BigInteger> ItemContributions, double[] ItemEmbeddings, int[] ItemLabels,
    double[] TestEmbeddings, int[] TestLabels) : AttributionEvidence
{
    public override IEnumerable<EvidenceReference> References() =>
        EvidenceReader.References(ItemContributions, j => $"attribution.evidence.items[{j}].contribution");
}

using System.Numerics;
using OpenLedger.Attribution.Reports;
using OpenLedger.Attribution.Sampling;

namespace OpenLedger.Attribution.Methods;

/// <summary>
/// Sampled permutations with prefix utilities. <paramref name="Tolerance"/> is relative: a permutation may stop once
/// |U(N) − U(prefix)| ≤ tolerance·|U(N)|. <paramref name="Seed"/> is the seed the permutations were drawn from
/// (<see cref="TmcShapleySampler.Draw"/>); in a report, the one <see cref="SamplingSeed.Derive"/> gives.
/// </summary>
public sealed record TmcShapleyEvidence(double EmptyUtility, double FullUtility, double Tolerance, ulong Seed,
    IReadOnlyList<PermutationSample> Permutations) : AttributionEvidence, ISeededEvidence
{
    /// <summary>The players: the contributions of the first permutation, ascending.</summary>
    public IReadOnlyList<BigInteger> Players { get; } =
        Permutations.Count == 0 ? [] : Permutations[0].Order.Order().ToArray();

    public static bool WithinTolerance(double utility, double full, double tolerance) =>
        Math.Abs(full - utility) <= tolerance * Math.Abs(full);

    public override IEnumerable<EvidenceReference> References() =>
        Permutations.SelectMany((p, i) => EvidenceReader.References(p.Order,
            j => $"attribution.evidence.permutations[{i}].order[{j}]"));
}

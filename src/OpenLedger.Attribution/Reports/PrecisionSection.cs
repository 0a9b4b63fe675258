using OpenLedger.Attribution.Methods;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Attribution.Reports;

/// <summary>
/// A report's <c>precision</c> section: how well its attribution predicts the real model. <see cref="Subsets"/> are the
/// subsets of half the credited contributions that <see cref="Seed"/> draws, each with the utility of
/// <see cref="ModelClass"/> retrained on exactly those contributions; <see cref="Lds"/> and its interval are the linear
/// datamodeling score the reporter claims, which the engine recomputes from the attribution values. See
/// docs/performance-report.md.
/// </summary>
public sealed record PrecisionSection(
    string ModelClass,
    Hash32 CommitmentBlockHash,
    ulong Seed,
    IReadOnlyList<CoalitionUtility> Subsets,
    double Lds,
    double Lower,
    double Upper,
    double Confidence)
{
    /// <summary>Fewer subsets give an interval too wide to tell a good attribution from a poor one (±0.2 around 0.8 at 100).</summary>
    public const int MinimumSubsets = 100;

    public const double DefaultConfidence = 0.95;
}

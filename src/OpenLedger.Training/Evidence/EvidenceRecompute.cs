using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Reports;
using OpenLedger.Training.Precision;

namespace OpenLedger.Training.Evidence;

/// <summary>
/// Re-measures a sample of a report's retraining evidence (tmc-shapley, banzhaf, loo, exact-shapley coalition
/// utilities, as <see cref="RetrainingEvidence"/> measures them) with the verifier's own <see cref="RetrainingGame"/>
/// (<see cref="ModelPrecision.GameFor"/>: the same model class, scaling and seed), sampled evenly as
/// <see cref="PrecisionRecompute"/> samples. The empty coalition is left out: nothing is trained for it, and its
/// utility is the report's baseline.
/// </summary>
public static class EvidenceRecompute
{
    /// <summary>
    /// The report's evidence as coalitions with their reported utilities, in the evidence's own order (TMC: the full
    /// coalition, then each permutation's prefixes); null when the method's evidence is not coalition utilities.
    /// </summary>
    public static IReadOnlyList<CoalitionUtility>? Coalitions(AttributionSpec spec) => spec.Evidence switch
    {
        TmcShapleyEvidence tmc => [new CoalitionUtility(tmc.Players, tmc.FullUtility),
            .. tmc.Permutations.SelectMany(p => p.Utilities.Select((u, j) => new CoalitionUtility([.. p.Order.Take(j + 1)], u)))],
        BanzhafEvidence banzhaf => [.. banzhaf.Samples.Where(c => c.Members.Count > 0)],
        LeaveOneOutEvidence loo => [new CoalitionUtility([.. loo.LeftOut.Select(x => x.Id).Order()], loo.FullUtility),
            .. loo.LeftOut.Select(x => new CoalitionUtility([.. loo.LeftOut.Select(y => y.Id).Where(id => id != x.Id).Order()], x.Utility))],
        ExactShapleyEvidence exact => [.. exact.Coalitions.Where(c => c.Members.Count > 0)],
        _ => null,
    };

    /// <summary>Re-measures <paramref name="sample"/> of the evidence's coalitions; null when the report's evidence is not retraining evidence.</summary>
    public static PrecisionRecomputation? Compare(PerformanceReport report, RetrainingGame game, int sample) =>
        Coalitions(report.Attribution) is { } coalitions ? PrecisionRecompute.Compare(coalitions, sample, game.Utility) : null;
}

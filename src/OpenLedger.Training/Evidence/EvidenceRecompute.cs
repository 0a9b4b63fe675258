using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Reports;
using OpenLedger.Training.Models;
using OpenLedger.Training.Precision;

namespace OpenLedger.Training.Evidence;

/// <summary>
/// Re-measures a sample of a report's retraining evidence (tmc-shapley, banzhaf, loo, exact-shapley coalition
/// utilities, as <see cref="RetrainingEvidence"/> measures them) with the verifier's own <see cref="RetrainingGame"/>
/// (<see cref="ModelPrecision.GameFor"/>: the same model class, scaling and seed), sampled evenly as
/// <see cref="PrecisionRecompute"/> samples. The empty coalition is left out: nothing is trained for it, and its
/// utility is the report's baseline. A logreg report's influence scores (<see cref="InfluenceScores"/>) are computed
/// again in full and compared score by score.
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

    /// <summary>
    /// Whether a verifier can re-measure the evidence by retraining <paramref name="modelClass"/>: coalition utilities,
    /// or the scores of influence functions of a logreg report.
    /// </summary>
    public static bool Remeasurable(AttributionSpec spec, string modelClass) =>
        Coalitions(spec) is not null || (spec.Evidence is ScoresEvidence && modelClass == LogisticRegressionModel.ClassName);

    /// <summary>
    /// Re-measures <paramref name="sample"/> of the evidence's coalitions or, for a logreg report's scores, every
    /// contribution's influence score (one training: nothing to sample); null when the evidence is neither.
    /// </summary>
    public static PrecisionRecomputation? Compare(PerformanceReport report, RetrainingGame game, int sample)
    {
        if (Coalitions(report.Attribution) is { } coalitions) return PrecisionRecompute.Compare(coalitions, sample, game.Utility);
        if (report.Attribution.Evidence is not ScoresEvidence reported || game.Model.Name != LogisticRegressionModel.ClassName) return null;
        var mine = InfluenceScores.Of(game).Scores.ToDictionary(s => s.Id, s => s.Value);
        var missing = reported.Scores.Where(s => !mine.ContainsKey(s.Id)).Select(s => s.Id).ToArray();
        if (missing.Length > 0)
            throw new AttributionException($"The report scores contribution(s) {string.Join(", ", missing.Take(5))}, which the verifier's model does not train on");
        // Each score compared as the one-member "coalition" of its contribution, so the comparison and its report are shared.
        return PrecisionRecompute.Compare([.. reported.Scores.Select(s => new CoalitionUtility([s.Id], s.Value))], reported.Scores.Count,
            members => mine[members[0]]);
    }
}

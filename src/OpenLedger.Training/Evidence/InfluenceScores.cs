using System.Numerics;
using OpenLedger.Attribution.Methods;
using OpenLedger.Training.Datasets;
using OpenLedger.Training.Models;

namespace OpenLedger.Training.Evidence;

/// <summary>
/// Influence functions (<see cref="LogisticInfluence"/>) of the logreg model trained once on every player's rows of a
/// <see cref="RetrainingGame"/> (ascending id, the game's scaling, evaluation set and seed), summed per contribution:
/// the first-order rise in the evaluation loss were the contribution removed. One training and one linear solve,
/// whatever the number of contributions, for datasets too large to retrain on coalitions. The report builder and
/// <c>epoch verify --recompute</c> both compute them here, so a verifier with the files gets the same scores.
/// </summary>
public static class InfluenceScores
{
    public static ScoresEvidence Of(RetrainingGame game)
    {
        if (game.Model.Name != LogisticRegressionModel.ClassName)
            throw new AttributionException($"Influence functions are computed for the {LogisticRegressionModel.ClassName} model class, not {game.Model.Name}");
        var rows = game.Players.Select(game.RowsOf).ToArray();
        var influence = LogisticInfluence.Fit(LabelledDataset.Concat(rows), game.Evaluation, game.Seed);
        var scores = new List<(BigInteger, double)>(rows.Length);
        var offset = 0;
        for (var p = 0; p < rows.Length; p++)
        {
            var sum = 0.0;
            for (var r = 0; r < rows[p].Count; r++) sum += influence.RowValues[offset + r];
            offset += rows[p].Count;
            scores.Add((game.Players[p], sum));
        }
        return new ScoresEvidence(scores);
    }
}

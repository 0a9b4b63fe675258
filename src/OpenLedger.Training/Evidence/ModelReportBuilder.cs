using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Reports;
using OpenLedger.Attribution.Sampling;
using OpenLedger.Training.Datasets;
using OpenLedger.Training.Models;
using OpenLedger.Training.Precision;

namespace OpenLedger.Training.Evidence;

/// <summary>
/// Builds an <c>openledger.performance-report/v1</c> report for a real model class: the score is the accuracy on the
/// held-out split of the model trained on every credited shard, the baseline what a model without features scores
/// (the training set's majority class, as for k-NN), and the evidence coalition utilities measured by retraining
/// (<see cref="RetrainingEvidence"/>). Features are z-scored with the test split's statistics, which no contributor
/// controls. The sampling seed, which also seeds every training, is the report's own (<see cref="SamplingSeed"/>),
/// so anyone with the files re-measures the same utilities. A later registration of content already registered is a
/// duplicate the engine pays nothing; it is not a player, so it cannot take value from its original. Once the epoch's
/// evaluation set is sealed, the report measures its own precision with the same game (<see cref="ModelPrecision"/>).
/// </summary>
public static class ModelReportBuilder
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The gradient-based method: influence functions, for the differentiable <c>logreg</c> only.</summary>
    public const string Influence = "influence";

    /// <summary>The methods a model class's report can use: every retraining method, and influence for logreg.</summary>
    public static IReadOnlyList<string> MethodsFor(string modelClass) =>
        modelClass == LogisticRegressionModel.ClassName ? [.. RetrainingEvidence.Methods, Influence] : RetrainingEvidence.Methods;

    /// <remarks><c>retrained</c>: called after each training with the number of coalitions trained so far.</remarks>
    public static string Build(ModelReportRequest request, Action<int>? retrained = null) => BuildJson(request, retrained).ToJsonString(Indented);

    public static JsonObject BuildJson(ModelReportRequest request, Action<int>? retrained = null)
    {
        var model = ModelClasses.Get(request.ModelClass);
        var methods = MethodsFor(model.Name);
        if (!methods.Contains(request.Method))
            throw new AttributionException($"Reports from the {model.Name} model support the methods {string.Join(", ", methods)}, not '{request.Method}'");
        request.Options.Validate();
        var used = ReportJson.CreditedShards(request.Shards);
        var training = ReportJson.Training(used, request.Test);
        var counts = training.ClassCounts();
        if (counts.Count(c => c > 0) < 2)
            throw new AttributionException($"The credited shards hold only class {training.ClassNames[Array.FindIndex(counts, c => c > 0)]}: " +
                "a classifier needs rows of at least 2 classes");

        var game = Game(model, request, used, retrained);
        var seed = SamplingSeed.Derive(request.ModelId, request.Epoch, SklearnCsv.ContentHash(request.Test));
        var spec = request.Method == Influence
            ? new AttributionSpec("scores", InfluenceScores.Of(game))
            : RetrainingEvidence.Build(request.Method, game, seed, request.Options);
        var score = game.Utility(game.Players);
        var report = ReportJson.Report(request.ModelId, request.Epoch, "accuracy", score, game.EmptyUtility, request.Test, request.Shards, spec,
            request.Rewards, request.RewardPool);
        // A game of its own: the precision subsets are not the method's coalitions, and `retrained` counts only those.
        if (request.CommitmentBlockHash is { } blockHash)
            report["precision"] = PrecisionJson.ToJson(ModelPrecision.Measure(report, request, Game(model, request, used), blockHash));
        return report;
    }

    /// <summary>
    /// The game the report's utilities come from: the credited shards (duplicates left out), z-scored with the test
    /// split's statistics, trained with the report's sampling seed. Public so a verifier re-measures coalitions.
    /// </summary>
    public static RetrainingGame Game(IModelClass model, ModelReportRequest request, IReadOnlyList<ContributedShard> used, Action<int>? retrained = null)
    {
        var duplicates = AttributionEngine.FindDuplicates(request.Shards.Select(s => s.Contribution).ToArray()).Select(d => d.Id).ToHashSet();
        var players = used.Where(s => !duplicates.Contains(s.Contribution.Id)).ToArray();
        var scaler = Standardizer.Fit(request.Test);
        var test = scaler.Transform(request.Test);
        var majority = KnnReportBuilder.MajorityClass(LabelledDataset.Concat(used.Select(s => s.Rows).ToArray()));
        var baseline = (double)request.Test.Labels.Count(l => l == majority) / request.Test.Count;
        var seed = SamplingSeed.Derive(request.ModelId, request.Epoch, SklearnCsv.ContentHash(request.Test));
        return new RetrainingGame(model, players.Select(s => (s.Contribution.Id, scaler.Transform(s.Rows))).ToArray(), test, baseline, seed, retrained);
    }
}

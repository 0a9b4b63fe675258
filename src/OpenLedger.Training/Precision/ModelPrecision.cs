using System.Text.Json.Nodes;
using OpenLedger.Attribution.Reports;
using OpenLedger.Attribution.Sampling;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Training.Datasets;
using OpenLedger.Training.Evidence;
using OpenLedger.Training.Models;

namespace OpenLedger.Training.Precision;

/// <summary>
/// The precision section of a retrained model class's report (<c>logreg</c>, <c>fasttree</c>): the values are the ones
/// the engine computes from the report as built, and the real model is the report's own <see cref="RetrainingGame"/>:
/// the same model class trained on each subset's rows, z-scored by the evaluation split's statistics, with the
/// report's training seed (<see cref="SamplingSeed"/> of the model, epoch and test set hash). The section names the
/// class as <see cref="ModelClasses"/> does; its hyperparameters are constants of the class and the seed and scaling
/// follow from the report, so the name is all a verifier needs to retrain it (<see cref="GameFor"/>).
/// </summary>
public static class ModelPrecision
{
    public static PrecisionSection Measure(JsonObject report, ModelReportRequest request, RetrainingGame game, Hash32 commitmentBlockHash)
    {
        var parsed = PerformanceReportParser.Parse(report.ToJsonString());
        var values = AttributionEngine.Distribute(parsed).Contributions.ToDictionary(c => c.Id, c => c.Value);
        var eligible = PrecisionSectionReader.Eligible(parsed.Contributions);
        // The subsets are drawn over the contributions the epoch credits; the game's players are the same set, or a subset could not be trained.
        if (!eligible.SequenceEqual(game.Players))
            throw new AttributionException($"The report credits contributions [{string.Join(", ", eligible)}] but the {game.Model.Name} game trains [{string.Join(", ", game.Players)}]");
        var precision = new PrecisionRequest(request.ModelId, request.Epoch, parsed.Evaluation.TestSetHash, commitmentBlockHash,
            game.Model.Name, request.PrecisionSubsets);
        return PrecisionBuilder.Measure(precision, values, eligible, game.Utility);
    }

    /// <summary>
    /// A verifier's own game for a report whose precision section names a retrained model class: the creditable
    /// contributions' files and the raw evaluation split (whose hash must be the report's test set hash), scaled and
    /// seeded as <see cref="ModelReportBuilder.Game"/> does. It re-measures the precision subsets and, for retraining
    /// evidence, the evidence's coalitions (<see cref="EvidenceRecompute"/>).
    /// </summary>
    public static RetrainingGame GameFor(PerformanceReport report, IReadOnlyList<ContributedShard> shards, LabelledDataset rawTest)
    {
        var section = report.Precision ?? throw new AttributionException("The report has no precision section to re-measure");
        if (!ModelClasses.All.TryGetValue(section.ModelClass, out var model))
            throw new AttributionException($"The report's precision was measured with model class '{section.ModelClass}', which is not a retrained " +
                $"model class (the retrained ones are {string.Join(", ", ModelClasses.All.Keys)})");
        var (scaler, eligible) = VerifierInputs.Check(report, shards, rawTest);
        var rows = VerifierInputs.Rows(shards, eligible, scaler);
        var seed = SamplingSeed.Derive(report.ModelId, report.Epoch, report.Evaluation.TestSetHash);
        return new RetrainingGame(model, [.. eligible.Select(id => (id, rows[id]))], scaler.Transform(rawTest), report.Evaluation.Baseline, seed);
    }
}

using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Reports;

namespace OpenLedger.Training.Datasets;

/// <summary>
/// Builds an <c>openledger.performance-report/v1</c> report from a real evaluation on the held-out (sealed) test split.
/// Features are z-scored with statistics of the test split, which no contributor controls, so an outlier or a copy
/// cannot move anyone's value. With <c>neighbour-credit</c> (the default) the evidence is every shard's rows and the
/// score and baseline are the k-NN agreement of the credited rows and of none, as the method computes them after
/// screening out near-duplicates and leaked test rows; with <c>knn-shapley</c> the score is a k-NN classifier's
/// accuracy and the baseline the majority class's. Nothing is chosen by hand, and each shard must hash to its
/// registered content hash. Slashed contributions are left out (the engine would reject evidence naming them).
/// </summary>
public static class KnnReportBuilder
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The methods whose evidence this builder writes (items and test points).</summary>
    public static IReadOnlyList<string> Methods { get; } = ["neighbour-credit", "knn-shapley"];

    public static string Build(KnnReportRequest request) => BuildJson(request).ToJsonString(Indented);

    public static JsonObject BuildJson(KnnReportRequest request)
    {
        if (request.Shards.Count == 0) throw new AttributionException("A report needs at least 1 contributed shard but got none");
        if (request.K < 1) throw new AttributionException($"K must be at least 1 but is {request.K}");
        var used = ReportJson.CreditedShards(request.Shards);
        var training = ReportJson.Training(used, request.Test);
        var scaler = Standardizer.Fit(request.Test);
        var items = scaler.Transform(training);
        var test = scaler.Transform(request.Test);
        var itemContributions = used.SelectMany(s => Enumerable.Repeat(s.Contribution.Id, s.Rows.Count)).ToArray();
        var (metric, score, baseline, spec) = request.Method switch
        {
            "neighbour-credit" => NeighbourCreditAttribution(request, used, items, test, itemContributions),
            "knn-shapley" => KnnShapleyAttribution(request, training, items, test, itemContributions),
            _ => throw new AttributionException($"Reports from a k-NN model support the methods neighbour-credit and knn-shapley, not '{request.Method}'"),
        };

        var report = ReportJson.Report(request.ModelId, request.Epoch, metric, score, baseline, request.Test, request.Shards, spec,
            request.Rewards, request.RewardPool);
        if (request.CommitmentBlockHash is { } blockHash)
            report["precision"] = PrecisionJson.ToJson(Precision.KnnPrecision.Measure(report, request, blockHash, scaler, test));
        return report;
    }

    private static (string, double, double, AttributionSpec) NeighbourCreditAttribution(KnnReportRequest request,
        IReadOnlyList<ContributedShard> used, LabelledDataset items, LabelledDataset test, BigInteger[] itemContributions)
    {
        var defences = request.Defences ?? new NeighbourCreditDefences();
        var evidence = new NeighbourCreditEvidence(request.K, defences.DuplicateTolerance, defences.NeighbourRadius,
            defences.HarmfulFractionThreshold, request.CohortBoundaries ?? [], items.Features,
            itemContributions, items.Values, items.Labels, test.Values, test.Labels, defences.HarmfulConfidenceZ);
        // The score is what the method computes on the credited rows, so the report states the utilities its values add up to.
        var contributions = request.Shards.Select(s => s.Contribution).ToArray();
        var context = new AttributionContext(AttributionEngine.FindDuplicates(contributions).Select(d => d.Id).ToHashSet(), contributions);
        var utilities = NeighbourCredit.Evaluate(evidence, context).Utilities;
        return ($"knn-agreement@{request.K}", utilities.Full, utilities.Empty, new AttributionSpec("neighbour-credit", evidence));
    }

    private static (string, double, double, AttributionSpec) KnnShapleyAttribution(KnnReportRequest request, LabelledDataset training,
        LabelledDataset items, LabelledDataset test, BigInteger[] itemContributions)
    {
        var score = new KnnClassifier(items, request.K).Accuracy(test);
        var majority = MajorityClass(training);
        var baseline = (double)request.Test.Labels.Count(l => l == majority) / request.Test.Count;
        var evidence = new KnnShapleyEvidence(request.K, items.Features, itemContributions, items.Values, items.Labels, test.Values, test.Labels);
        return ("accuracy", score, baseline, new AttributionSpec("knn-shapley", evidence));
    }

    /// <summary>The most frequent training label (lowest label on a tie): what a model without features predicts.</summary>
    public static int MajorityClass(LabelledDataset training)
    {
        var counts = training.ClassCounts();
        return Array.IndexOf(counts, counts.Max());
    }
}

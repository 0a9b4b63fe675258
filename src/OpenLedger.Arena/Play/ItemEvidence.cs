using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Training.Datasets;
using OpenLedger.Attribution.Reports;

namespace OpenLedger.Arena.Play;

/// <summary>
/// The one place a scenario's evidence is built: the product's own <see cref="KnnReportBuilder"/> trains the k-NN
/// model on the registered shards, scores it on the evaluation split and writes the items/test evidence, so the arena
/// plays whatever preprocessing and evidence the product produces. Every item-level method (any method whose
/// evidence is items and test points, see <see cref="MethodCatalog"/>) gets this evidence; the contribution-level
/// methods get utilities measured on the same items.
/// </summary>
public static class ItemEvidence
{
    public static ScenarioReport Build(Scenario scenario, ArenaSettings settings)
    {
        var registrations = scenario.Registrations().ToArray();
        var ids = Enumerable.Range(1, registrations.Length).Select(i => new BigInteger(i)).ToArray();
        var shards = registrations.Select((r, i) => new ContributedShard(
            new ContributionEntry(ids[i], ArenaWallets.Address(r.Submission.Wallet), SklearnCsv.ContentHash(r.Submission.Rows), r.Block, 0, ContributionStatus.Active),
            r.Submission.Rows)).ToArray();
        var request = new KnnReportRequest(ArenaSettings.ModelId, scenario.Epoch, scenario.Data.Test, shards, settings.K,
            new RewardBudget(ArenaSettings.Open, ArenaSettings.Shares, FlagThreshold: 0.0), Method: "knn-shapley",
            CohortBoundaries: scenario.CohortBoundaries);
        // The base report (k-NN accuracy, majority baseline) is the coalition game's; each item-level method gets the
        // whole report the product builds for it, with its own score and baseline.
        // Each report is built once: the base is the knn-shapley one, kept whole for that method and without its
        // attribution for the coalition game.
        var methodReports = KnnReportBuilder.Methods.ToDictionary(m => m, m => KnnReportBuilder.BuildJson(request with { Method = m }));
        var report = methodReports[request.Method].DeepClone().AsObject();
        var attribution = report["attribution"]!.AsObject();
        report.Remove("attribution");

        var evidence = attribution["evidence"]!;
        var index = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var (items, itemLabels, owners, dimensions) = Points(evidence["items"]!.AsArray(), index);
        var (test, testLabels, _, _) = Points(evidence["test"]!.AsArray(), null);
        return new ScenarioReport(scenario, report, attribution, methodReports, ids, owners, items, itemLabels, test, testLabels, dimensions);
    }

    private static (double[] Values, int[] Labels, int[] Owners, int Dimensions) Points(JsonArray points, Dictionary<BigInteger, int>? owner)
    {
        var dimensions = points[0]!["embedding"]!.AsArray().Count;
        var values = new double[points.Count * dimensions];
        var labels = new int[points.Count];
        var owners = new int[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i]!;
            var embedding = point["embedding"]!.AsArray();
            for (var d = 0; d < dimensions; d++) values[i * dimensions + d] = embedding[d]!.GetValue<double>();
            labels[i] = point["label"]!.GetValue<int>();
            if (owner is not null) owners[i] = owner[BigInteger.Parse(point["contribution"]!.GetValue<string>(), CultureInfo.InvariantCulture)];
        }
        return (values, labels, owners, dimensions);
    }
}

using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Attribution.Datasets;
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
        var report = KnnReportBuilder.BuildJson(new KnnReportRequest(ArenaSettings.ModelId, scenario.Epoch, scenario.Data.Test, shards, settings.K,
            new RewardBudget(ArenaSettings.Open, ArenaSettings.Shares, FlagThreshold: 0.0)));
        var attribution = report["attribution"]!.AsObject();
        report.Remove("attribution");

        var evidence = attribution["evidence"]!;
        var index = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var (items, itemLabels, owners, dimensions) = Points(evidence["items"]!.AsArray(), index);
        var (test, testLabels, _, _) = Points(evidence["test"]!.AsArray(), null);
        return new ScenarioReport(scenario, report, attribution, ids, owners, items, itemLabels, test, testLabels, dimensions);
    }

    /// <summary>An item-level method's <c>attribution</c>: the scenario's evidence under that method's name.</summary>
    public static JsonObject ForMethod(ScenarioReport report, string method)
    {
        var attribution = report.ItemAttribution;
        attribution["method"] = method;
        var parameters = attribution["parameters"]!.AsObject();
        parameters.Remove("cohortBoundaries");
        // Methods that know registration cohorts read this; the others ignore parameters they do not know.
        if (report.Scenario.CohortBoundaries.Count > 0)
            parameters["cohortBoundaries"] = new JsonArray(report.Scenario.CohortBoundaries.Select(b => (JsonNode)JsonValue.Create(b)).ToArray());
        return attribution;
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

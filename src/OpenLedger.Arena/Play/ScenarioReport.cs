using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Attribution;
using OpenLedger.Attribution.Reports;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Arena.Play;

/// <summary>
/// A scenario's performance report, as the product builds it, with its attribution kept apart so each method can
/// put its own in: the report JSON (everything but <c>attribution</c>), the item-level <c>attribution</c>
/// (items/test evidence), and the same items and test points as arrays for the coalition utilities.
/// </summary>
public sealed class ScenarioReport
{
    private readonly JsonObject _report;

    private readonly IReadOnlyDictionary<string, JsonObject> _methodReports;

    internal ScenarioReport(Scenario scenario, JsonObject report, JsonObject itemAttribution,
        IReadOnlyDictionary<string, JsonObject> methodReports, BigInteger[] ids, int[] itemOwner,
        double[] items, int[] itemLabels, double[] test, int[] testLabels, int dimensions)
    {
        Scenario = scenario;
        _report = report;
        ItemAttribution = itemAttribution;
        _methodReports = methodReports;
        Ids = ids;
        ItemOwner = itemOwner;
        Items = items;
        ItemLabels = itemLabels;
        Test = test;
        TestLabels = testLabels;
        Dimensions = dimensions;
        var evaluation = report["evaluation"]!;
        Baseline = evaluation["baseline"]!.GetValue<double>();
        Score = evaluation["score"]!.GetValue<double>();
        TestSetHash = Hash32.Parse(evaluation["testSetHash"]!.GetValue<string>());
        Epoch = report["epoch"]!.GetValue<ulong>();
    }

    public Scenario Scenario { get; }

    /// <summary>The knn-style <c>attribution</c> object (method, parameters with k, evidence with items and test).</summary>
    public JsonObject ItemAttribution { get; }

    /// <summary>Contribution ids in registration order (index = position in <see cref="Scenario.Registrations"/>).</summary>
    public BigInteger[] Ids { get; }

    /// <summary>Per item, the index of its contribution in <see cref="Ids"/>.</summary>
    public int[] ItemOwner { get; }

    /// <summary>Item embeddings as the report holds them (row-major, <see cref="Dimensions"/> per item).</summary>
    public double[] Items { get; }

    public int[] ItemLabels { get; }

    public double[] Test { get; }

    public int[] TestLabels { get; }

    public int Dimensions { get; }

    /// <summary>The report's baseline: the utility of no data at all.</summary>
    public double Baseline { get; }

    /// <summary>The report's score: the k-NN model on every contribution.</summary>
    public double Score { get; }

    public Hash32 TestSetHash { get; }

    public ulong Epoch { get; }

    /// <summary>The report with <paramref name="attribution"/>, parsed as the node parses it (a refusal throws <see cref="ReportValidationException"/>).</summary>
    public PerformanceReport Parse(JsonObject attribution)
    {
        _report["attribution"] = attribution;
        try
        {
            return PerformanceReportParser.Parse(_report.ToJsonString());
        }
        finally
        {
            _report.Remove("attribution");
        }
    }

    public Distribution Distribute(JsonObject attribution) => AttributionEngine.Distribute(Parse(attribution));

    /// <summary>The distribution of the report the product builds for an item-level method, parsed as the node parses it.</summary>
    public Distribution DistributeItemLevel(string method) => AttributionEngine.Distribute(ParseItemLevel(method));

    /// <summary>The report the product builds for an item-level method, parsed as the node parses it.</summary>
    public PerformanceReport ParseItemLevel(string method) => PerformanceReportParser.Parse(_methodReports[method].ToJsonString());
}

using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Attribution.Reports;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.TestSupport;

namespace OpenLedger.Attribution.Tests;

/// <summary>Performance reports as JSON for tests: the committed example, or a report around given evidence.</summary>
internal static class ReportJson
{
    public const string ExamplePath = "examples/performance-report.example.json";

    /// <summary>The sampling seed <see cref="Around(JsonObject, int[], string, string, int[], string[])"/>'s reports derive (model 7, epoch 1, test set <c>HashOf(99)</c>).</summary>
    public static ulong Seed => Sampling.SamplingSeed.Derive(7, 1, TestData.HashOf(99));

    public static JsonObject Example() => JsonNode.Parse(File.ReadAllText(RepoPaths.Combine(ExamplePath)))!.AsObject();

    /// <summary>A report of model 7 whose contribution i (1-based) belongs to the i-th wallet of <paramref name="owners"/>.</summary>
    public static JsonObject With(string method, JsonObject? parameters, JsonObject evidence, int[] owners,
        string open = "1000000", string shares = "1000", int[]? contentOf = null, string[]? status = null)
    {
        var attribution = new JsonObject { ["method"] = method, ["evidence"] = evidence };
        if (parameters is not null) attribution["parameters"] = parameters;
        return Around(attribution, owners, open, shares, contentOf, status);
    }

    /// <summary>A report around an <c>attribution</c> object (e.g. from <see cref="AttributionJson"/>).</summary>
    public static JsonObject Around(JsonObject attribution, int[] owners,
        string open = "1000000", string shares = "1000", int[]? contentOf = null, string[]? status = null)
    {
        var contributions = new JsonArray();
        for (var i = 0; i < owners.Length; i++)
            contributions.Add(new JsonObject
            {
                ["id"] = (i + 1).ToString(),
                ["contributor"] = TestData.AddressOf(owners[i]).ToString(),
                ["contentHash"] = TestData.HashOf(contentOf?[i] ?? i + 1).ToString(),
                ["registeredAtBlock"] = 100 + i,
                ["logIndex"] = 0,
                ["status"] = status?[i] ?? "active",
            });
        return new JsonObject
        {
            ["schema"] = PerformanceReport.SchemaV1,
            ["modelId"] = "7",
            ["epoch"] = 1,
            ["evaluation"] = new JsonObject { ["metric"] = "accuracy", ["score"] = 0.9, ["baseline"] = 0.5, ["testSetHash"] = TestData.HashOf(99).ToString() },
            ["contributions"] = contributions,
            ["attribution"] = attribution,
            ["rewards"] = new JsonObject { ["open"] = open, ["shares"] = shares },
        };
    }

    public static JsonObject Coalitions(IEnumerable<(int[] Members, double Utility)> coalitions) => new()
    {
        ["coalitions"] = new JsonArray(coalitions.Select(c => (JsonNode)new JsonObject
        {
            ["members"] = new JsonArray(c.Members.Select(m => (JsonNode)JsonValue.Create(m.ToString())!).ToArray()),
            ["utility"] = c.Utility,
        }).ToArray()),
    };

    /// <summary>All 2^n coalitions of ids 1..n with the utility of <paramref name="game"/>.</summary>
    public static JsonObject AllCoalitions(int n, Func<IReadOnlyList<BigInteger>, double> game) =>
        Coalitions(Enumerable.Range(0, 1 << n).Select(mask =>
        {
            var members = Enumerable.Range(1, n).Where(i => (mask >> (i - 1) & 1) != 0).ToArray();
            return (members, game(members.Select(m => new BigInteger(m)).ToArray()));
        }));

    public static JsonObject Around(AttributionSpec spec, int[] owners, string open = "1000000", string shares = "1000") =>
        Around(AttributionJson.ToJson(spec), owners, open, shares);

    public static Distribution Distribute(JsonNode json) => AttributionEngine.Distribute(Parse(json));

    /// <summary>OPEN paid to the given wallets together.</summary>
    public static BigInteger Earned(Distribution d, params int[] wallets) =>
        d.Allocations.Where(a => wallets.Select(TestData.AddressOf).Contains(a.Account)).Aggregate(BigInteger.Zero, (s, a) => s + a.Open);

    public static PerformanceReport Parse(JsonNode json) => PerformanceReportParser.Parse(json.ToJsonString());

    public static Address Wallet(int n) => TestData.AddressOf(n);
}

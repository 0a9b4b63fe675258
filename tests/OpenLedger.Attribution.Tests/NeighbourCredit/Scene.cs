using System.Numerics;
using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Reports;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Attribution.Tests.NeighbourCredit;

/// <summary>
/// A small neighbour-credit game built in code: contributions of 2-D items, each registered at its own block by its
/// own wallet, an evaluation set, and the report around them whose score and baseline are the evidence's utilities.
/// </summary>
internal sealed class Scene
{
    private readonly List<(int Wallet, ulong Block, List<(double X, double Y, int Label)> Items)> _contributions = [];
    private readonly List<(double X, double Y, int Label)> _tests = [];

    public double Tolerance { get; init; } = 0.02;
    public double Radius { get; init; } = 1.0;
    public double HarmfulThreshold { get; init; } = 0.12;
    public double HarmfulZ { get; init; }
    public int K { get; init; } = 3;
    public ulong[] Boundaries { get; init; } = [];

    /// <summary>Adds a contribution (id = its position, 1-based) and returns its id.</summary>
    public int Contribute(int wallet, ulong block, params (double X, double Y, int Label)[] items)
    {
        _contributions.Add((wallet, block, items.ToList()));
        return _contributions.Count;
    }

    public Scene Test(params (double X, double Y, int Label)[] points)
    {
        _tests.AddRange(points);
        return this;
    }

    public NeighbourCreditEvidence Evidence() => new(K, Tolerance, Radius, HarmfulThreshold, Boundaries, 2,
        _contributions.SelectMany((c, i) => c.Items.Select(_ => new BigInteger(i + 1))).ToArray(),
        _contributions.SelectMany(c => c.Items.SelectMany(p => new[] { p.X, p.Y })).ToArray(),
        _contributions.SelectMany(c => c.Items.Select(p => p.Label)).ToArray(),
        _tests.SelectMany(p => new[] { p.X, p.Y }).ToArray(),
        _tests.Select(p => p.Label).ToArray(), HarmfulZ);

    public ContributionEntry[] Entries() => _contributions.Select((c, i) => new ContributionEntry(i + 1, TestData.AddressOf(c.Wallet),
        TestData.HashOf(1000 + i), c.Block, 0, ContributionStatus.Active)).ToArray();

    public NeighbourCreditOutcome Evaluate() =>
        Methods.NeighbourCredit.Evaluate(Evidence(), new AttributionContext(new HashSet<BigInteger>(), Entries()));

    /// <summary>The report whose score and baseline the evidence implies (or the given ones).</summary>
    public PerformanceReport Report(double? score = null, double? baseline = null)
    {
        var utilities = Evaluate().Utilities;
        return new PerformanceReport(PerformanceReport.SchemaV1, 7, 1,
            new Evaluation("knn-agreement@3", score ?? utilities.Full, baseline ?? utilities.Empty, TestData.HashOf(1)),
            Entries(), new AttributionSpec("neighbour-credit", Evidence()), new RewardBudget(1_000_000, 1000));
    }

    public static Address Wallet(int n) => TestData.AddressOf(n);
}

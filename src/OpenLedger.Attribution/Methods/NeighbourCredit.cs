using System.Numerics;
using System.Text.Json;
using OpenLedger.Attribution.Reports;
using OpenLedger.Attribution.Screening;

namespace OpenLedger.Attribution.Methods;

/// <summary>
/// <c>neighbour-credit</c>, the default: items are screened (near-duplicates of earlier items and copies of
/// evaluation rows are excluded, the earliest registration winning), then each evaluation point's K nearest credited
/// items share its improvement over chance (<see cref="NeighbourCreditCore"/>), in cohort order; item values are
/// summed per contribution. docs/attribution.md explains the design and its guarantees.
/// </summary>
public sealed class NeighbourCredit : IAttributionMethod
{
    /// <summary>The largest near-duplicate tolerance accepted: past half a standard deviation per feature, distinct honest rows start to collide.</summary>
    public const double MaxDuplicateTolerance = 0.5;

    public const double DefaultHarmfulFractionThreshold = 0.15;

    /// <summary>The largest harmfulConfidenceZ accepted (one-sided confidence 1 − 10⁻²³): beyond it nothing is ever flagged.</summary>
    public const double MaxHarmfulConfidenceZ = 10.0;

    public string Name => "neighbour-credit";

    public AttributionEvidence? ParseEvidence(JsonElement attribution, string path, JsonFieldReader reader)
    {
        var before = reader.Problems.Count;
        var parametersPath = JsonFieldReader.Join(path, "parameters");
        var evidencePath = JsonFieldReader.Join(path, "evidence");
        var parameters = reader.Object(attribution, path, "parameters");
        var evidence = reader.Object(attribution, path, "evidence");
        if (parameters is null || evidence is null) return null;
        var k = reader.Integer(parameters.Value, parametersPath, "k");
        if (k is 0 or > 1000) reader.Fail(JsonFieldReader.Join(parametersPath, "k"), $"must be between 1 and 1000 but is {k}");
        var tolerance = reader.Finite(parameters.Value, parametersPath, "duplicateTolerance");
        if (tolerance is < 0 or > MaxDuplicateTolerance)
            reader.Fail(JsonFieldReader.Join(parametersPath, "duplicateTolerance"),
                $"must be between 0 and {MaxDuplicateTolerance} (RMS distance in evaluation-set standard deviations) but is {tolerance}");
        var radius = reader.Finite(parameters.Value, parametersPath, "neighbourRadius");
        if (radius is <= 0) reader.Fail(JsonFieldReader.Join(parametersPath, "neighbourRadius"), $"must be positive (RMS distance in evaluation-set standard deviations) but is {radius}");
        var threshold = reader.Member(parameters.Value, parametersPath, "harmfulFractionThreshold", required: false) is null
            ? DefaultHarmfulFractionThreshold
            : reader.Finite(parameters.Value, parametersPath, "harmfulFractionThreshold");
        if (threshold is <= 0 or > 1)
            reader.Fail(JsonFieldReader.Join(parametersPath, "harmfulFractionThreshold"), $"must be a fraction in (0, 1] but is {threshold}");
        var z = reader.Member(parameters.Value, parametersPath, "harmfulConfidenceZ", required: false) is null
            ? 0.0
            : reader.Finite(parameters.Value, parametersPath, "harmfulConfidenceZ");
        if (z is < 0 or > MaxHarmfulConfidenceZ)
            reader.Fail(JsonFieldReader.Join(parametersPath, "harmfulConfidenceZ"),
                $"must be between 0 and {MaxHarmfulConfidenceZ} (a one-sided z, 1.645 for 95 %) but is {z}");
        var boundaries = ReadBoundaries(parameters.Value, parametersPath, reader);
        var items = reader.Array(evidence.Value, evidencePath, "items");
        var test = reader.Array(evidence.Value, evidencePath, "test");
        if (k is null || tolerance is null || radius is null || threshold is null || z is null || boundaries is null || items is null || test is null) return null;

        var points = KnnPoints.Read(items.Value, test.Value, evidencePath, reader);
        if (points is not null)
        {
            var negative = Array.FindIndex(points.ItemLabels, l => l < 0);
            if (negative >= 0) reader.Fail($"{evidencePath}.items[{negative}].label", $"must be a non-negative class label but is {points.ItemLabels[negative]}");
            negative = Array.FindIndex(points.TestLabels, l => l < 0);
            if (negative >= 0) reader.Fail($"{evidencePath}.test[{negative}].label", $"must be a non-negative class label but is {points.TestLabels[negative]}");
        }
        return reader.Problems.Count > before || points is null
            ? null
            : new NeighbourCreditEvidence((int)k.Value, tolerance.Value, radius.Value, threshold.Value, boundaries, points.Dimensions,
                points.ItemContributions, points.ItemEmbeddings, points.ItemLabels, points.TestEmbeddings, points.TestLabels, z.Value);
    }

    private static List<ulong>? ReadBoundaries(JsonElement parameters, string path, JsonFieldReader reader)
    {
        var array = reader.Array(parameters, path, "cohortBoundaries", required: false);
        if (array is null) return reader.Member(parameters, path, "cohortBoundaries", required: false) is null ? [] : null;
        var at = JsonFieldReader.Join(path, "cohortBoundaries");
        var result = new List<ulong>();
        var index = 0;
        foreach (var element in array.Value.EnumerateArray())
        {
            var here = JsonFieldReader.Index(at, index++);
            if (element.ValueKind != JsonValueKind.Number || !element.TryGetUInt64(out var block))
            {
                reader.Fail(here, $"must be a block number but is {JsonFieldReader.Describe(element)}");
                return null;
            }
            if (result.Count > 0 && block <= result[^1])
            {
                reader.Fail(here, $"must be greater than the boundary before it ({result[^1]}) but is {block}");
                return null;
            }
            result.Add(block);
        }
        return result;
    }

    public ContributionValues Compute(AttributionEvidence evidence, IReadOnlySet<BigInteger> excluded) =>
        throw new AttributionException("neighbour-credit needs the contributions' registration order: call Compute with an AttributionContext");

    public ContributionValues Compute(AttributionEvidence evidence, AttributionContext context) =>
        Evaluate(ExactShapley.Expect<NeighbourCreditEvidence>(evidence), context).Values;

    /// <summary>Screening, item values and the utilities they add up to.</summary>
    public static NeighbourCreditOutcome Evaluate(NeighbourCreditEvidence e, AttributionContext context)
    {
        var n = e.ItemLabels.Length;
        var entries = context.Contributions.ToDictionary(c => c.Id);
        var scale = FeatureScale.FromReference(e.TestEmbeddings, e.Dimensions);
        var items = scale.Normalise(e.ItemEmbeddings);
        var tests = scale.Normalise(e.TestEmbeddings);

        // Registration order: the contribution's (block, log index, id), then the item's position in the evidence.
        var order = Enumerable.Range(0, n)
            .Where(i => !context.Excluded.Contains(e.ItemContributions[i]) && entries.ContainsKey(e.ItemContributions[i]))
            .OrderBy(i => entries[e.ItemContributions[i]].RegisteredAtBlock)
            .ThenBy(i => entries[e.ItemContributions[i]].LogIndex)
            .ThenBy(i => e.ItemContributions[i])
            .ThenBy(i => i)
            .ToArray();
        var screened = ItemScreening.Screen(items, order, tests, e.Dimensions, e.DuplicateTolerance);
        var credited = new bool[n];
        foreach (var i in order) credited[i] = screened[i].IsKept;
        var cohorts = new int[n];
        for (var i = 0; i < n; i++)
            cohorts[i] = entries.TryGetValue(e.ItemContributions[i], out var entry) ? e.CohortOf(entry.RegisteredAtBlock) : 0;

        var result = NeighbourCreditCore.Compute(items, e.ItemLabels, cohorts, credited, tests, e.TestLabels, e.Dimensions, e.K, e.NeighbourRadius);
        return new NeighbourCreditOutcome(Summarise(e, entries, screened, credited, result), screened, result);
    }

    private static ContributionValues Summarise(NeighbourCreditEvidence e, Dictionary<BigInteger, ContributionEntry> entries,
        ScreenedItem[] screened, bool[] credited, NeighbourCreditResult result)
    {
        var itemValues = result.ItemValues;
        var values = new Dictionary<BigInteger, double>();
        var tallies = new Dictionary<BigInteger, Tally>();
        // Summed in item order: the per-contribution sums are reproducible bit for bit.
        for (var i = 0; i < itemValues.Length; i++)
        {
            var id = e.ItemContributions[i];
            values[id] = values.GetValueOrDefault(id) + (credited[i] ? itemValues[i] : 0.0);
            if (!tallies.TryGetValue(id, out var tally)) tallies[id] = tally = new Tally();
            tally.Total++;
            if (credited[i])
            {
                tally.Credited++;
                var (right, wrong) = (result.RightSlots[i], result.WrongSlots[i]);
                if (right + wrong > 0) tally.Active++;
                if (wrong > right) tally.Harmful++;
            }
            else if (screened[i].Exclusion == ItemExclusion.Contamination) tally.Contaminated++;
            else if (screened[i].Exclusion == ItemExclusion.NearDuplicate)
            {
                tally.NearDuplicates++;
                var original = e.ItemContributions[screened[i].Match];
                if (original != id && (tally.CopiedFrom is not { } earlier || entries[original].RegisteredBefore(entries[earlier])))
                    tally.CopiedFrom = original;
            }
        }
        // A harmful item costs its contribution what an average helpful item earns, over the whole report: the cost is a
        // sum over items, so how items are packaged into contributions or wallets cannot change it.
        var (helpful, helpfulCount) = (0.0, 0);
        for (var i = 0; i < itemValues.Length; i++)
            if (credited[i] && result.RightSlots[i] >= result.WrongSlots[i] && result.RightSlots[i] > 0 && itemValues[i] > 0)
                (helpful, helpfulCount) = (helpful + itemValues[i], helpfulCount + 1);
        var penalty = helpfulCount > 0 ? helpful / helpfulCount : 0.0;
        var summaries = tallies.ToDictionary(t => t.Key, t => new ItemSummary(t.Value.Total, t.Value.Credited, t.Value.NearDuplicates,
            t.Value.Contaminated, t.Value.CopiedFrom, t.Value.Active, t.Value.Harmful, t.Value.Harmful * penalty));
        return new ContributionValues(values, null, summaries, result);
    }

    private sealed class Tally
    {
        public int Total, Credited, NearDuplicates, Contaminated, Active, Harmful;
        public BigInteger? CopiedFrom;
    }
}

/// <summary>Everything <see cref="NeighbourCredit.Evaluate"/> found: per contribution, per item, and the utilities.</summary>
public sealed record NeighbourCreditOutcome(ContributionValues Values, IReadOnlyList<ScreenedItem> Items, NeighbourCreditResult Utilities);

using System.Globalization;
using System.Numerics;
using System.Text.Json;
using OpenLedger.Attribution.Methods;

namespace OpenLedger.Attribution.Reports;

/// <summary>
/// Parses and validates a performance report. Every problem found is collected, with its JSON path, into one
/// <see cref="ReportValidationException"/>; a report that parses is safe to attribute.
/// </summary>
public static class PerformanceReportParser
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    public static PerformanceReport Parse(string json) => Parse(System.Text.Encoding.UTF8.GetBytes(json));

    public static PerformanceReport Parse(ReadOnlyMemory<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, Options);
        }
        catch (JsonException e)
        {
            throw new ReportValidationException([new ReportProblem("", $"is not valid JSON: {e.Message}")]);
        }
        using (document) return Parse(document.RootElement);
    }

    public static PerformanceReport Parse(JsonElement root)
    {
        var r = new JsonFieldReader();
        if (root.ValueKind != JsonValueKind.Object)
            throw new ReportValidationException([new ReportProblem("", $"the report must be a JSON object but is {JsonFieldReader.Describe(root)}")]);
        var schema = r.String(root, "", "schema");
        if (schema is not null && schema != PerformanceReport.SchemaV1)
        {
            // Nothing else can be read reliably under a schema we do not know.
            r.Fail("schema", $"must be '{PerformanceReport.SchemaV1}' but is '{schema}'");
            throw new ReportValidationException(r.Problems);
        }
        var modelId = r.Uint256(root, "", "modelId");
        var epoch = r.Integer(root, "", "epoch");
        var evaluation = ReadEvaluation(root, r);
        var contributions = ReadContributions(root, modelId, r);
        var attribution = ReadAttribution(root, r);
        var rewards = ReadRewards(root, r);
        var pool = r.Uint256(root, "", "rewardPool", required: false);
        var precision = PrecisionSectionReader.Read(root, r);
        if (pool is not null && rewards is not null && rewards.Open > pool)
            r.Fail("rewards.open", $"the epoch's budget {rewards.Open} exceeds the model's reward pool {pool}");
        if (contributions is not null && attribution is not null) CheckReferences(attribution, contributions, r);
        // Sampled evidence must come from the seed the report derives, not one the reporter picked.
        if (attribution is not null && modelId is not null && epoch is not null && evaluation is not null)
            Sampling.SamplingSeed.Check(attribution.Evidence, modelId.Value, epoch.Value, evaluation, r);
        // Precision subsets must be the ones the chain-derived seed draws, so the reporter cannot pick flattering ones.
        if (precision is not null && modelId is not null && epoch is not null && evaluation is not null && contributions is not null)
            PrecisionSectionReader.Check(precision, modelId.Value, epoch.Value, evaluation, contributions, r);
        if (r.HasProblems) throw new ReportValidationException(r.Problems);
        return new PerformanceReport(schema!, modelId!.Value, epoch!.Value, evaluation!, contributions!, attribution!, rewards!, pool, precision);
    }

    private static Evaluation? ReadEvaluation(JsonElement root, JsonFieldReader r)
    {
        var e = r.Object(root, "", "evaluation");
        if (e is null) return null;
        var metric = r.String(e.Value, "evaluation", "metric");
        var score = r.Finite(e.Value, "evaluation", "score");
        var baseline = r.Finite(e.Value, "evaluation", "baseline");
        var testSet = r.Hash(e.Value, "evaluation", "testSetHash");
        return metric is null || score is null || baseline is null || testSet is null
            ? null
            : new Evaluation(metric, score.Value, baseline.Value, testSet.Value);
    }

    private static List<ContributionEntry>? ReadContributions(JsonElement root, BigInteger? modelId, JsonFieldReader r)
    {
        var array = r.Array(root, "", "contributions");
        if (array is null) return null;
        var before = r.Problems.Count;
        var result = new List<ContributionEntry>();
        var firstIndex = new Dictionary<BigInteger, int>();
        var index = 0;
        foreach (var c in array.Value.EnumerateArray())
        {
            var at = JsonFieldReader.Index("contributions", index++);
            var id = r.Uint256(c, at, "id");
            if (id is not null && !firstIndex.TryAdd(id.Value, index - 1))
                r.Fail(JsonFieldReader.Join(at, "id"), $"contribution {id} is listed twice (first at contributions[{firstIndex[id.Value]}])");
            var ofModel = r.Uint256(c, at, "modelId", required: false);
            if (ofModel is not null && modelId is not null && ofModel != modelId)
                r.Fail(JsonFieldReader.Join(at, "modelId"), $"contribution {id} belongs to model {ofModel}, not to the report's model {modelId}");
            var contributor = r.Address(c, at, "contributor");
            var content = r.Hash(c, at, "contentHash");
            var block = r.Integer(c, at, "registeredAtBlock");
            var logIndex = r.Integer(c, at, "logIndex");
            var status = ReadStatus(c, at, r);
            if (id is null || contributor is null || content is null || block is null || logIndex is null || status is null) continue;
            result.Add(new ContributionEntry(id.Value, contributor.Value, content.Value, block.Value, logIndex.Value, status.Value));
        }
        return r.Problems.Count > before ? null : result;
    }

    private static ContributionStatus? ReadStatus(JsonElement c, string at, JsonFieldReader r)
    {
        var text = r.String(c, at, "status");
        switch (text)
        {
            case null: return null;
            case "active": return ContributionStatus.Active;
            case "flagged": return ContributionStatus.Flagged;
            case "slashed": return ContributionStatus.Slashed;
            default:
                r.Fail(JsonFieldReader.Join(at, "status"), $"must be one of active, flagged, slashed but is '{text}'");
                return null;
        }
    }

    private static AttributionSpec? ReadAttribution(JsonElement root, JsonFieldReader r)
    {
        var a = r.Object(root, "", "attribution");
        if (a is null) return null;
        var name = r.Member(a.Value, "attribution", "method", required: false) is null
            ? AttributionMethods.Implicit
            : r.String(a.Value, "attribution", "method");
        if (name is null) return null;
        if (!AttributionMethods.All.TryGetValue(name, out var method))
        {
            r.Fail("attribution.method", $"must be one of {string.Join(", ", AttributionMethods.All.Keys)} but is '{name}'");
            return null;
        }
        var evidence = method.ParseEvidence(a.Value, "attribution", r);
        return evidence is null ? null : new AttributionSpec(name, evidence);
    }

    private static RewardBudget? ReadRewards(JsonElement root, JsonFieldReader r)
    {
        var w = r.Object(root, "", "rewards");
        if (w is null) return null;
        var before = r.Problems.Count;
        var open = r.Uint256(w.Value, "rewards", "open");
        var shares = r.Uint256(w.Value, "rewards", "shares");
        decimal? cap = null;
        if (r.Member(w.Value, "rewards", "perContributorCap", required: false) is { } capElement)
        {
            // Read as decimal: the cap enters the integer split exactly (0.1 stays 1/10, not a binary approximation).
            if (capElement.ValueKind == JsonValueKind.Number && capElement.TryGetDecimal(out var c) && c > 0 && c <= 1) cap = c;
            else r.Fail("rewards.perContributorCap", $"must be a fraction in (0, 1] but is {JsonFieldReader.Describe(capElement)}");
        }
        var threshold = r.Member(w.Value, "rewards", "flagThreshold", required: false) is null
            ? null
            : r.Finite(w.Value, "rewards", "flagThreshold");
        return r.Problems.Count > before ? null : new RewardBudget(open!.Value, shares!.Value, cap, threshold);
    }

    private static void CheckReferences(AttributionSpec attribution, List<ContributionEntry> contributions, JsonFieldReader r)
    {
        var byId = contributions.ToDictionary(c => c.Id);
        var reported = 0;
        foreach (var reference in attribution.Evidence.References())
        {
            // A 10,000-item evidence referencing one unknown id should not produce 10,000 identical lines.
            if (reported >= 50) break;
            if (!byId.TryGetValue(reference.ContributionId, out var entry))
            {
                r.Fail(reference.Path(), $"contribution {reference.ContributionId} is not in the report's contributions");
                reported++;
            }
            else if (entry.Status == ContributionStatus.Slashed)
            {
                r.Fail(reference.Path(), $"contribution {reference.ContributionId} is slashed and cannot be credited");
                reported++;
            }
        }
    }

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

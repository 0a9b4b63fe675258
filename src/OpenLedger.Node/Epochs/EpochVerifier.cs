using System.Numerics;
using System.Text.Json;
using OpenLedger.Attribution;
using OpenLedger.Attribution.Reports;
using OpenLedger.Contracts.Distributor;

namespace OpenLedger.Node.Epochs;

/// <summary>
/// Audits a posted epoch independently of the node that posted it: recomputes the distribution and the Merkle root
/// from the report's bytes and compares them, field by field, with RewardDistributor.epoch(model, epoch) — root,
/// totals, report hash — and, when given, with the distribution the node published (leaf by leaf: index, account,
/// amounts and proof). An empty list means the epoch is exactly what the report implies.
/// </summary>
public sealed class EpochVerifier(RewardDistributorService distributor)
{
    /// <summary>Verifies <paramref name="reportBytes"/> against the epoch the report names (or <paramref name="modelId"/>/<paramref name="epoch"/> when given).</summary>
    public async Task<IReadOnlyList<EpochDifference>> VerifyAsync(byte[] reportBytes, byte[]? publishedDistribution = null,
        BigInteger? modelId = null, BigInteger? epoch = null, CancellationToken ct = default)
    {
        var differences = new List<EpochDifference>();
        PerformanceReport report;
        try { report = EpochComputation.Parse(reportBytes); }
        catch (ReportValidationException e)
        {
            return [.. e.Problems.Select(p => new EpochDifference(p.Path.Length == 0 ? "report" : $"report.{p.Path}", "a valid report", p.Problem))];
        }
        var m = modelId ?? report.ModelId;
        var n = epoch ?? report.Epoch;
        if (m != report.ModelId) differences.Add(new("modelId", m.ToString(), report.ModelId.ToString()));
        if (n != report.Epoch) differences.Add(new("epoch", n.ToString(), report.Epoch.ToString()));

        EpochComputation computed;
        try { computed = EpochComputation.Compute(reportBytes, report); }
        catch (AttributionException e) { return [.. differences, new("attribution", "a distribution", e.Message)]; }
        var posted = await distributor.EpochAsync(m, n, ct: ct);
        if (posted.Status == EpochStatus.None) return [.. differences, new("status", "none (not posted)", "an epoch to compare")];
        Compare(differences, "reportHash", posted.ReportHash.ToString(), computed.ReportHash.ToString());
        Compare(differences, "root", posted.Root.ToString(), computed.Root?.ToString() ?? "none (nothing allocated)");
        Compare(differences, "totalOpen", posted.TotalOpen.ToString(), computed.Distribution.TotalOpen.ToString());
        Compare(differences, "totalShares", posted.TotalShares.ToString(), computed.Distribution.TotalShares.ToString());
        if (posted.Status == EpochStatus.Vetoed) differences.Add(new("status", "vetoed", "posted"));
        if (publishedDistribution is not null) CompareLeaves(differences, publishedDistribution, computed.Distribution.Allocations);
        return differences;
    }

    /// <summary>Fetches {node}/models/{m}/epochs/{e}/report and /distribution and verifies them against the chain.</summary>
    public async Task<IReadOnlyList<EpochDifference>> VerifyFromNodeAsync(HttpClient http, Uri node, BigInteger modelId, BigInteger epoch,
        CancellationToken ct = default)
    {
        var baseUrl = node.ToString().TrimEnd('/');
        var report = await http.GetByteArrayAsync($"{baseUrl}/models/{modelId}/epochs/{epoch}/report", ct);
        var distribution = await http.GetByteArrayAsync($"{baseUrl}/models/{modelId}/epochs/{epoch}/distribution", ct);
        return await VerifyAsync(report, distribution, modelId, epoch, ct);
    }

    private static void Compare(List<EpochDifference> differences, string field, string posted, string recomputed)
    {
        if (!string.Equals(posted, recomputed, StringComparison.OrdinalIgnoreCase)) differences.Add(new(field, posted, recomputed));
    }

    private static void CompareLeaves(List<EpochDifference> differences, byte[] published, IReadOnlyList<Allocation> mine)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(published); }
        catch (JsonException e) { differences.Add(new("distribution", "valid JSON", e.Message)); return; }
        using (document)
        {
            if (!document.RootElement.TryGetProperty("leaves", out var leavesElement) || leavesElement.ValueKind != JsonValueKind.Array)
            {
                differences.Add(new("distribution.leaves", "missing", "a list of leaves"));
                return;
            }
            var leaves = leavesElement.EnumerateArray().ToArray();
            if (leaves.Length != mine.Count) differences.Add(new("leaves.count", leaves.Length.ToString(), mine.Count.ToString()));
            for (var i = 0; i < Math.Min(leaves.Length, mine.Count); i++)
            {
                var leaf = leaves[i];
                // A claim needs the leaf's index and proof as well as its amounts: a wrong one fails on chain.
                Compare(differences, $"leaves[{i}].index", leaf.TryGetProperty("index", out var index) ? index.GetRawText() : "(missing)",
                    mine[i].Index.ToString());
                Compare(differences, $"leaves[{i}].account", Text(leaf, "account"), mine[i].Account.ToString());
                Compare(differences, $"leaves[{i}].open", Text(leaf, "open"), mine[i].Open.ToString());
                Compare(differences, $"leaves[{i}].shares", Text(leaf, "shares"), mine[i].Shares.ToString());
                Compare(differences, $"leaves[{i}].proof", Proof(leaf), string.Join(",", mine[i].Proof));
            }
        }
    }

    private static string Proof(JsonElement leaf) =>
        leaf.TryGetProperty("proof", out var proof) && proof.ValueKind == JsonValueKind.Array
            ? string.Join(",", proof.EnumerateArray().Select(h => h.ValueKind == JsonValueKind.String ? h.GetString() : h.GetRawText()))
            : "(missing)";

    private static string Text(JsonElement leaf, string name) =>
        leaf.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "(missing)";
}

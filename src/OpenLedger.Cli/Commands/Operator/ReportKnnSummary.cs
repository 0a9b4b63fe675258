using System.Globalization;
using System.Text.Json.Nodes;
using OpenLedger.Attribution;
using OpenLedger.Attribution.Reports;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Ethereum.Primitives;
using Spectre.Console;

namespace OpenLedger.Cli.Commands.Operator;

/// <summary>What report knn prints once the report is written: the evaluation, each contribution's value and the report's hash.</summary>
/// <remarks>K is the k-NN model's; a retrained model class's report names <c>ModelClass</c> and the coalitions it trained.</remarks>
public sealed record ReportKnnSummary(string OutPath, Hash32 ReportHash, PerformanceReport Report, int? K, int TestRows,
    ShardMatching Matching, Distribution Distribution, string? ModelClass = null, int? Retrainings = null)
{
    /// <summary>"LDS 0.8393 [0.7563, 0.8957] (95%, 100 subsets, knn(k=5) retrained)", or "not measured".</summary>
    public static string PrecisionText(Attribution.Precision.PrecisionSummary? p) => p is null
        ? "not measured"
        : string.Create(CultureInfo.InvariantCulture,
            $"LDS {p.Lds:0.0000} [{p.Lower:0.0000}, {p.Upper:0.0000}] ({p.Confidence:0%}, {p.Subsets} subsets, {p.ModelClass} retrained)");

    public static void Write(CliContext context, ReportKnnSummary s)
    {
        var files = s.Matching.Shards.ToDictionary(m => m.Shard.Contribution.Id, m => m.Path);
        var statuses = s.Report.Contributions.ToDictionary(c => c.Id, c => c.Status);
        // The engine lists values by id; shown in the report's (registration) order instead, as contributors know them.
        var valued = s.Distribution.Contributions.ToDictionary(c => c.Id);
        var values = s.Report.Contributions.Select(c => valued[c.Id]).ToArray();
        var evaluation = s.Report.Evaluation;
        if (context.Json)
        {
            var json = new JsonObject
            {
                ["out"] = s.OutPath,
                ["reportHash"] = s.ReportHash.ToString(),
                ["model"] = s.Report.ModelId.ToString(CultureInfo.InvariantCulture),
                ["epoch"] = s.Report.Epoch,
                ["testRows"] = s.TestRows,
                ["testSetHash"] = evaluation.TestSetHash.ToString(),
                ["score"] = evaluation.Score,
                ["baseline"] = evaluation.Baseline,
                ["open"] = s.Report.Rewards.Open.ToString(CultureInfo.InvariantCulture),
                ["shares"] = s.Report.Rewards.Shares.ToString(CultureInfo.InvariantCulture),
                ["rewardPool"] = s.Report.RewardPool?.ToString(CultureInfo.InvariantCulture),
                ["contributions"] = new JsonArray(values.Select(c => (JsonNode)new JsonObject
                {
                    ["id"] = RegisteredContributions.HexId(c.Id),
                    ["contributor"] = c.Contributor.ToString(),
                    ["file"] = files.GetValueOrDefault(c.Id),
                    ["status"] = statuses[c.Id].ToString().ToLowerInvariant(),
                    ["value"] = c.Value,
                    ["outcome"] = c.Outcome.ToString().ToLowerInvariant(),
                }).ToArray()),
                ["precision"] = s.Distribution.Precision is { } lds ? new JsonObject
                {
                    ["modelClass"] = lds.ModelClass,
                    ["lds"] = lds.Lds,
                    ["lower"] = lds.Lower,
                    ["upper"] = lds.Upper,
                    ["subsets"] = lds.Subsets,
                    ["confidence"] = lds.Confidence,
                } : null,
                ["flagCandidates"] = new JsonArray(s.Distribution.FlagCandidates.Select(f => (JsonNode)RegisteredContributions.HexId(f.Id)).ToArray()),
            };
            if (s.K is { } k) json["k"] = k;
            if (s.ModelClass is { } modelClass)
            {
                json["modelClass"] = modelClass;
                json["method"] = s.Distribution.Method;
                json["retrainings"] = s.Retrainings;
            }
            context.WriteJson(json);
            return;
        }

        var grid = new Grid().AddColumn().AddColumn();
        void Row(string name, string value) => grid.AddRow(Markup.Escape(name), Markup.Escape(value));
        Row("report", s.OutPath);
        Row("report hash", s.ReportHash.ToString());
        Row("model", s.Report.ModelId.ToString(CultureInfo.InvariantCulture));
        Row("epoch", s.Report.Epoch.ToString(CultureInfo.InvariantCulture));
        Row("contributions", s.Report.Contributions.Count.ToString(CultureInfo.InvariantCulture));
        Row("test rows", s.TestRows.ToString(CultureInfo.InvariantCulture));
        if (s.ModelClass is { } name) Row("model class", $"{name}, {s.Retrainings} coalition(s) trained");
        Row($"{evaluation.Metric} ({s.Distribution.Method})", evaluation.Score.ToString("0.0000", CultureInfo.InvariantCulture));
        Row("baseline", evaluation.Baseline.ToString("0.0000", CultureInfo.InvariantCulture));
        Row("test set hash", evaluation.TestSetHash.ToString());
        Row("rewards", $"{Amounts.Format(s.Report.Rewards.Open)} OPEN of a pool of {Amounts.Format(s.Report.RewardPool ?? 0)}, {s.Report.Rewards.Shares} shares");
        Row("precision", PrecisionText(s.Distribution.Precision));
        context.Console.Ansi.Write(grid);

        var table = new Table().AddColumns("contribution", "contributor", "file", "status", "value", "outcome");
        foreach (var c in values)
            table.AddRow(Markup.Escape(RegisteredContributions.HexId(c.Id)), Markup.Escape(c.Contributor.ToString()),
                Markup.Escape(Path.GetFileName(files.GetValueOrDefault(c.Id) ?? "-")), statuses[c.Id].ToString().ToLowerInvariant(),
                c.Value.ToString("0.0000", CultureInfo.InvariantCulture), c.Outcome.ToString().ToLowerInvariant());
        context.Console.Ansi.Write(table);
        if (s.Distribution.FlagCandidates.Count > 0)
            context.Console.Out.WriteLine($"{s.Distribution.FlagCandidates.Count} contribution(s) valued below the flag threshold: "
                + string.Join(", ", s.Distribution.FlagCandidates.Select(f => RegisteredContributions.HexId(f.Id))));
    }
}

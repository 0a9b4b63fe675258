using System.CommandLine;
using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Attribution;
using OpenLedger.Attribution.Precision;
using OpenLedger.Attribution.Reports;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Training.Datasets;
using OpenLedger.Node.Epochs;

namespace OpenLedger.Cli.Commands.Operator;

/// <summary>
/// epoch verify: fetches the report and distribution a node serves for an epoch and recomputes both locally against
/// the chain's record of the epoch, so anyone can audit an epoch without trusting the node that posted it.
/// </summary>
public sealed class EpochVerifyCommand : VerbCommand
{
    private readonly Option<BigInteger> _model = Infrastructure.Options.ModelId();
    private readonly Option<BigInteger> _epoch = new("--epoch")
    {
        Description = "the posted epoch to verify",
        Required = true,
        CustomParser = r => Infrastructure.Options.PositiveInteger(r, "--epoch"),
    };

    private readonly Option<FileInfo> _test = new("--test")
    {
        Description = "the evaluation set the report was scored on (scikit-learn CSV): with --data, the report's items are checked against the contributed files",
    };
    private readonly Option<DirectoryInfo> _data = new("--data")
    {
        Description = "a directory of contributed files (scikit-learn CSV): each contribution's items must be the rows of the file with its registered content hash",
    };
    private readonly Option<bool> _recompute = new("--recompute")
    {
        Description = "retrain the report's model class on a sample of its precision subsets and, for retraining evidence (tmc-shapley, banzhaf, loo, exact-shapley), of its evidence coalitions (needs --test and --data); say how far the report's utilities are from the verifier's own and fail on a difference",
    };
    private readonly Option<int> _sample = Infrastructure.Options.Integer("--sample", "with --recompute: how many precision subsets, and how many evidence coalitions, to re-measure (spread evenly)",
        1, 100_000, defaultValue: 20);

    public EpochVerifyCommand() : base("verify", "recompute a posted epoch from the node's report and compare it with the chain (and, given the files, its items with the data)")
    {
        foreach (var option in new Option[] { _model, _epoch, _test, _data, _recompute, _sample }) Options.Add(option);
        Validators.Add(r =>
        {
            if (r.GetValue(_recompute) && (r.GetResult(_test) is null || r.GetResult(_data) is null))
                r.AddError("--recompute needs --test (the evaluation split) and --data (the contributors' files)");
            else if ((r.GetResult(_test) is null) != (r.GetResult(_data) is null))
                r.AddError("--test and --data go together: the items are checked against the contributed files scaled by the test set's statistics");
        });
    }

    public override async Task<int> ExecuteAsync(CliContext context, CancellationToken ct)
    {
        var p = context.Parse;
        var modelId = p.GetValue(_model);
        var epoch = p.GetValue(_epoch);
        var session = await context.ReadChainAsync(ct);
        await session.RequireModelAsync(modelId, ct);
        // The chain says which epochs exist; asking the node first turned an epoch past them into its bare HTTP status.
        var last = await session.Services.Distributor.LastEpochAsync(modelId, ct: ct);
        if (epoch > last)
            throw new CliException(last.IsZero ? $"model {modelId} has no epoch posted on chain {session.Deployment.ChainId} yet"
                : $"model {modelId} has posted epochs 1 to {last} on chain {session.Deployment.ChainId}; epoch {epoch} is not one of them");
        // The report and distribution are fetched once: the chain comparison, the item check and the precision all read them.
        byte[] reportBytes, distributionBytes;
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) })
        {
            var baseUrl = context.NodeUrl.ToString().TrimEnd('/');
            try
            {
                reportBytes = await http.GetByteArrayAsync($"{baseUrl}/models/{modelId}/epochs/{epoch}/report", ct);
                distributionBytes = await http.GetByteArrayAsync($"{baseUrl}/models/{modelId}/epochs/{epoch}/distribution", ct);
            }
            catch (HttpRequestException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                throw new CliException($"the node at {context.NodeUrl} serves no report for model {modelId} epoch {epoch}");
            }
            catch (HttpRequestException e) when (e.StatusCode is { } status)
            {
                throw new CliException($"the node at {context.NodeUrl} refused the report of model {modelId} epoch {epoch} ({(int)status} {status})");
            }
            catch (HttpRequestException e)
            {
                throw new CliException($"cannot fetch the report of model {modelId} epoch {epoch} from {context.NodeUrl}: {e.Message}");
            }
        }
        var differences = await new EpochVerifier(session.Services.Distributor).VerifyAsync(reportBytes, distributionBytes, modelId, epoch, ct);
        var posted = await session.Services.Distributor.EpochAsync(modelId, epoch, ct: ct);
        var report = Parse(reportBytes);
        // A model report's evidence is coalition utilities, not items: its files are for --recompute's retraining.
        var files = p.GetValue(_data) is { } data && !(report is not null && !ItemEvidenceCheck.HasItems(report) && p.GetValue(_recompute))
            ? CheckFiles(report, modelId, epoch, p.GetValue(_test)!, data)
            : null;
        var precision = Precision(context, report);
        // A re-measured utility the report misstates fails the verification as a chain difference does.
        var verifies = differences.Count == 0 && files is not { Count: > 0 } && precision is not { Mismatched: true };

        if (context.Json)
        {
            context.WriteJson(new JsonObject
            {
                ["model"] = modelId.ToString(),
                ["epoch"] = epoch.ToString(),
                ["verifies"] = verifies,
                ["root"] = posted.Root.ToString(),
                ["totalOpen"] = posted.TotalOpen.ToString(),
                ["totalShares"] = posted.TotalShares.ToString(),
                ["reportHash"] = posted.ReportHash.ToString(),
                ["differences"] = new JsonArray([.. differences.Select(d => (JsonNode)new JsonObject
                {
                    ["field"] = d.Field, ["posted"] = d.Posted, ["recomputed"] = d.Recomputed,
                })]),
                ["files"] = files is null ? null : new JsonObject
                {
                    ["checked"] = true,
                    ["mismatches"] = new JsonArray([.. files.Select(m => (JsonNode)new JsonObject { ["field"] = m.Field, ["problem"] = m.Problem })]),
                },
                ["precision"] = precision?.ToJson(),
            });
            return verifies ? ExitCodes.Ok : ExitCodes.Failure;
        }
        if (files is { Count: > 0 })
        {
            context.Console.Out.WriteLine($"epoch {epoch} of model {modelId}: the report's items do NOT match the contributed files ({files.Count} mismatch(es)):");
            foreach (var m in files) context.Console.Out.WriteLine($"  {m.Field}: {m.Problem}");
        }
        else if (files is not null)
            context.Console.Out.WriteLine($"the report's items are the contributed files' rows, each under its registered content hash, scaled by the test set's statistics");
        if (differences.Count == 0)
        {
            context.Console.Out.WriteLine($"epoch {epoch} of model {modelId} verifies: root {posted.Root}, totals {Amounts.Format(posted.TotalOpen)} OPEN " +
                $"and {posted.TotalShares} shares, report hash {posted.ReportHash}");
        }
        else
        {
            context.Console.Out.WriteLine($"epoch {epoch} of model {modelId} does NOT verify ({differences.Count} difference(s)):");
            foreach (var d in differences) context.Console.Out.WriteLine($"  {d.Field}: posted {d.Posted}, recomputed {d.Recomputed}");
        }
        foreach (var line in precision?.Lines() ?? []) context.Console.Out.WriteLine(line);
        if (precision is { Mismatched: true })
            context.Console.Out.WriteLine($"epoch {epoch} of model {modelId}: the report's measured utilities do NOT re-measure from the files (see above)");
        return verifies ? ExitCodes.Ok : ExitCodes.Failure;
    }

    /// <summary>The report's items against the contributed files (<see cref="ItemEvidenceCheck"/>).</summary>
    private static IReadOnlyList<ItemEvidenceCheck.Mismatch> CheckFiles(PerformanceReport? report, BigInteger modelId, BigInteger epoch,
        FileInfo testFile, DirectoryInfo data)
    {
        if (report is null) throw new CliException($"the items of model {modelId} epoch {epoch} cannot be checked against files: the report does not parse");
        if (!ItemEvidenceCheck.HasItems(report))
            throw new CliException($"the report of model {modelId} epoch {epoch} has no items to check against the files ({report.Attribution.Method} evidence); " +
                "add --recompute to retrain its model class on the files for a sample of its coalitions instead");
        var test = ShardFile.ReadDataset(testFile.FullName, "test set");
        var files = new Dictionary<Hash32, LabelledDataset>();
        foreach (var file in ShardFile.ReadAll(data)) files.TryAdd(file.ContentHash, file.Rows);
        try
        {
            return ItemEvidenceCheck.Check(report, test, files);
        }
        catch (AttributionException e)
        {
            throw new CliException($"the items of model {modelId} epoch {epoch} cannot be checked against files: {e.Message}");
        }
    }

    /// <summary>The served report parsed, or null when it does not parse (the differences already say why).</summary>
    private static PerformanceReport? Parse(byte[] bytes)
    {
        try { return PerformanceReportParser.Parse(bytes); }
        catch (AttributionException) { return null; }
    }

    /// <summary>
    /// The report's precision as the engine recomputes it and, with --recompute, re-measured from the files; null when the
    /// report does not parse or distribute (the differences already say why).
    /// </summary>
    private PrecisionRecheck? Precision(CliContext context, PerformanceReport? report)
    {
        var p = context.Parse;
        if (report is null) return null;
        PrecisionSummary? claimed;
        try
        {
            claimed = AttributionEngine.Distribute(report).Precision;
        }
        catch (AttributionException)
        {
            return null;
        }
        return p.GetValue(_recompute)
            ? PrecisionRecheck.Recompute(report, claimed, p.GetValue(_test)!, p.GetValue(_data)!, p.GetValue(_sample))
            : new PrecisionRecheck(claimed, null);
    }
}

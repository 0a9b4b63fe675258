using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;
using System.Text;
using OpenLedger.Attribution;
using OpenLedger.Training.Datasets;
using OpenLedger.Attribution.Reports;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;

namespace OpenLedger.Cli.Commands.Operator;

/// <summary>
/// report knn: the model owner's performance report for an epoch, from a k-NN model trained on the data of the
/// contributions actually registered (matched to files by content hash) and scored on a held-out split, with
/// KNN-Shapley evidence (src/OpenLedger.Training/Datasets). The report is validated and attributed before it is
/// written, so what lands in --out is what the node will accept and how it will split the rewards.
/// </summary>
public sealed class ReportKnnCommand : VerbCommand
{
    private readonly Option<BigInteger> _model = Infrastructure.Options.ModelId();
    private readonly Option<ulong> _epoch = new("--epoch")
    {
        Description = "the epoch the report is for (the distributor's lastEpoch + 1)",
        Required = true,
        CustomParser = r => ToUInt64(r, "--epoch"),
    };
    private readonly Option<FileInfo> _test = new("--test") { Description = "the held-out test split (scikit-learn CSV)", Required = true };
    private readonly Option<DirectoryInfo> _data = new("--data")
    {
        Description = "folder of the contributors' dataset files (*.csv, scikit-learn CSV); each is matched to the contribution that registered its keccak-256",
        Required = true,
    };
    private readonly Option<int> _k = Infrastructure.Options.Integer("--k", "neighbours of the k-NN model and of KNN-Shapley", 1, int.MaxValue, defaultValue: 5);
    private readonly Option<BigInteger> _open = Infrastructure.Options.Amount("--open", "OPEN the epoch pays (default: the model's whole reward pool)", required: false);
    private readonly Option<BigInteger> _shares = new("--shares")
    {
        Description = "model shares the epoch mints, a whole number of share units (ModelShares has no decimals)",
        Required = true,
        CustomParser = r =>
        {
            var text = r.Tokens.Single().Value;
            if (BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
            r.AddError($"--shares expects a whole number of shares like 1000 but got '{text}'");
            return default;
        },
    };
    private readonly Option<decimal?> _cap = new("--per-contributor-cap")
    {
        Description = "largest fraction of the epoch one contributor can receive, in (0, 1]",
        CustomParser = r =>
        {
            var text = r.Tokens.Single().Value;
            if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var cap) && cap > 0 && cap <= 1) return cap;
            r.AddError($"--per-contributor-cap expects a fraction in (0, 1] like 0.5 but got '{text}'");
            return null;
        },
    };
    private readonly Option<double> _flagThreshold = new("--flag-threshold")
    {
        Description = "contributions valued below this are listed as flag candidates",
        DefaultValueFactory = _ => 0.0,
        CustomParser = r =>
        {
            var text = r.Tokens.Single().Value;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) && double.IsFinite(t)) return t;
            r.AddError($"--flag-threshold expects a finite number like 0 or -0.05 but got '{text}'");
            return 0;
        },
    };
    private readonly Option<FileInfo> _out = new("--out") { Description = "where the report (JSON) is written", Required = true };
    private readonly Option<int> _precisionSubsets = Infrastructure.Options.Integer("--precision-subsets",
        "subsets of half the contributions the k-NN model is retrained on to measure the report's precision (LDS)",
        PrecisionSection.MinimumSubsets, 100_000, defaultValue: PrecisionSection.MinimumSubsets);

    public ReportKnnCommand() : base("knn", "write an epoch's performance report from a k-NN model evaluated on a held-out split, valued by KNN-Shapley")
    {
        foreach (var option in new Option[] { _model, _epoch, _test, _data, _k, _open, _shares, _cap, _flagThreshold, _out, _precisionSubsets }) Options.Add(option);
    }

    public override async Task<int> ExecuteAsync(CliContext context, CancellationToken ct)
    {
        var p = context.Parse;
        var model = p.GetValue(_model);
        var test = ShardFile.ReadDataset(p.GetValue(_test)!.FullName, "test split");
        var files = ShardFile.ReadAll(p.GetValue(_data)!);

        var chain = await context.ReadChainAsync(ct);
        await chain.RequireModelAsync(model, ct);
        var pool = await chain.Services.Distributor.RewardPoolAsync(model, ct: ct);
        var open = p.GetResult(_open) is null ? pool : p.GetValue(_open);
        if (open > pool)
            throw new CliException($"--open {Amounts.Format(open)} OPEN is more than model {model}'s reward pool of {Amounts.Format(pool)} OPEN");

        var contributions = await RegisteredContributions.ReadAsync(context.Node(), model, ct);
        if (contributions.Count == 0) throw new CliException($"model {model} has no contributions indexed by the node at {context.NodeUrl}");
        var matching = ShardMatching.Match(contributions, files);
        foreach (var (path, reason) in matching.Ignored) await context.Console.Error.WriteLineAsync($"ignored: {path}: {reason}");
        foreach (var c in matching.SlashedWithoutFile)
            await context.Console.Error.WriteLineAsync($"left out: slashed contribution {RegisteredContributions.HexId(c.Id)} has no file in the data directory");
        if (matching.Missing.Count > 0)
            throw new CliException($"{matching.Missing.Count} registered contribution(s) of model {model} have no file in {p.GetValue(_data)!.FullName}: "
                + string.Join(", ", matching.Missing));
        if (matching.Shards.Count == 0) throw new CliException($"no file in {p.GetValue(_data)!.FullName} is a contribution of model {model}");

        var epoch = p.GetValue(_epoch);
        var commitmentBlock = await CommitmentBlockHashAsync(chain, model, epoch, ct);
        if (commitmentBlock is null)
            await context.Console.Error.WriteLineAsync($"precision not measured: model {model} has no evaluation set sealed for epoch {epoch} yet " +
                "(the subsets are drawn from the sealing block's hash; seal it with `openledger evaluation commit`, then build the report)");
        // Contributions registered after an earlier epoch's report was published form a later cohort (docs/attribution.md).
        var boundaries = await RegisteredContributions.CohortBoundariesAsync(context.Node(), model, epoch, ct);
        var request = new KnnReportRequest(model, epoch, test, matching.Shards.Select(s => s.Shard).ToArray(), p.GetValue(_k),
            new RewardBudget(open, p.GetValue(_shares), p.GetValue(_cap), p.GetValue(_flagThreshold)), pool,
            CohortBoundaries: boundaries, CommitmentBlockHash: commitmentBlock, PrecisionSubsets: p.GetValue(_precisionSubsets));
        byte[] bytes;
        PerformanceReport report;
        Distribution distribution;
        try
        {
            bytes = Encoding.UTF8.GetBytes(KnnReportBuilder.Build(request));
            // Read back and attributed here: a report this command writes is one the node parses and splits the same way.
            report = PerformanceReportParser.Parse(bytes);
            distribution = AttributionEngine.Distribute(report);
        }
        catch (AttributionException e)
        {
            throw new CliException($"the report could not be built: {e.Message}");
        }

        var output = p.GetValue(_out)!;
        try { await File.WriteAllBytesAsync(output.FullName, bytes, ct); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write the report to {output.FullName}: {e.Message}");
        }
        ReportKnnSummary.Write(context, new ReportKnnSummary(output.FullName, Keccak.Hash(bytes), report, request.K, test.Count, matching, distribution));
        return ExitCodes.Ok;
    }

    /// <summary>The hash of the block that sealed the epoch's evaluation set, which fixes the precision subsets; null before it is sealed.</summary>
    private static async Task<Hash32?> CommitmentBlockHashAsync(ChainSession chain, BigInteger model, ulong epoch, CancellationToken ct)
    {
        var sealedSet = await chain.Services.Distributor.EvaluationCommitmentAsync(model, epoch, ct: ct);
        if (sealedSet.TestSetHash == default) return null;
        var block = await chain.Rpc.GetBlockByNumberAsync(sealedSet.CommittedAtBlock, ct: ct)
            ?? throw new CliException($"the Ethereum node has no block {sealedSet.CommittedAtBlock}, where model {model}'s evaluation set for epoch {epoch} was sealed");
        return block.Hash;
    }

    private static ulong ToUInt64(ArgumentResult r, string name)
    {
        var n = Infrastructure.Options.PositiveInteger(r, name);
        if (n <= ulong.MaxValue) return (ulong)n;
        r.AddError($"{name} expects a positive integer below 2^64 but got '{r.Tokens.Single().Value}'");
        return 0;
    }
}

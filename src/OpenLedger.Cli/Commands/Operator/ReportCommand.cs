using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;
using System.Text;
using OpenLedger.Attribution;
using OpenLedger.Attribution.Reports;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Training.Datasets;

namespace OpenLedger.Cli.Commands.Operator;

/// <summary>
/// What every report verb shares (report knn, report logreg, report fasttree): the model, epoch, test split, data
/// folder, rewards and output options; the registered contributions matched to the files by content hash; and the
/// report read back and attributed before it is written, so what lands in --out is what the node will accept.
/// </summary>
public abstract class ReportCommand : VerbCommand
{
    protected readonly Option<BigInteger> _model = Infrastructure.Options.ModelId();
    protected readonly Option<ulong> _epoch = new("--epoch")
    {
        Description = "the epoch the report is for (the distributor's lastEpoch + 1)",
        Required = true,
        CustomParser = r => ToUInt64(r, "--epoch"),
    };
    protected readonly Option<FileInfo> _test = new("--test") { Description = "the held-out test split (scikit-learn CSV)", Required = true };
    protected readonly Option<DirectoryInfo> _data = new("--data")
    {
        Description = "folder of the contributors' dataset files (*.csv, scikit-learn CSV); each is matched to the contribution that registered its keccak-256",
        Required = true,
    };
    protected readonly Option<BigInteger> _open = Infrastructure.Options.Amount("--open", "OPEN the epoch pays (default: the model's whole reward pool)", required: false);
    protected readonly Option<BigInteger> _shares = new("--shares")
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
    protected readonly Option<decimal?> _cap = new("--per-contributor-cap")
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
    protected readonly Option<double> _flagThreshold = new("--flag-threshold")
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
    protected readonly Option<FileInfo> _out = new("--out") { Description = "where the report (JSON) is written", Required = true };
    protected readonly Option<int> _precisionSubsets = Infrastructure.Options.Integer("--precision-subsets",
        "subsets of half the contributions the report's model is retrained on to measure the report's precision (LDS)",
        PrecisionSection.MinimumSubsets, 100_000, defaultValue: PrecisionSection.MinimumSubsets);

    protected ReportCommand(string name, string description) : base(name, description)
    {
        foreach (var option in new Option[] { _model, _epoch, _test, _data, _open, _shares, _cap, _flagThreshold, _out, _precisionSubsets }) Options.Add(option);
    }

    /// <summary>The test split, the registered contributions matched to files, and the epoch's rewards, checked against the chain.</summary>
    protected async Task<ReportInputs> ReadInputsAsync(CliContext context, CancellationToken ct)
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
        return new ReportInputs(model, p.GetValue(_epoch), test, matching,
            new RewardBudget(open, p.GetValue(_shares), p.GetValue(_cap), p.GetValue(_flagThreshold)), pool);
    }

    /// <summary>
    /// The hash of the block that sealed the epoch's evaluation set, which fixes the precision subsets (docs/performance-report.md);
    /// null before it is sealed, when the report is built without precision and stderr says why.
    /// </summary>
    protected static async Task<Hash32?> PrecisionBlockHashAsync(CliContext context, ReportInputs inputs, CancellationToken ct)
    {
        var chain = await context.ReadChainAsync(ct);
        var sealedSet = await chain.Services.Distributor.EvaluationCommitmentAsync(inputs.Model, inputs.Epoch, ct: ct);
        if (sealedSet.TestSetHash == default)
        {
            await context.Console.Error.WriteLineAsync($"precision not measured: model {inputs.Model} has no evaluation set sealed for epoch {inputs.Epoch} yet " +
                "(the subsets are drawn from the sealing block's hash; seal it with `openledger evaluation commit`, then build the report)");
            return null;
        }
        var block = await chain.Rpc.GetBlockByNumberAsync(sealedSet.CommittedAtBlock, ct: ct)
            ?? throw new CliException($"the Ethereum node has no block {sealedSet.CommittedAtBlock}, where model {inputs.Model}'s evaluation set for epoch {inputs.Epoch} was sealed");
        return block.Hash;
    }

    /// <summary>
    /// Builds the report, reads it back and attributes it (a report this command writes is one the node parses and
    /// splits the same way), then writes it to --out.
    /// </summary>
    protected async Task<(string Path, byte[] Bytes, PerformanceReport Report, Distribution Distribution)> WriteReportAsync(CliContext context,
        Func<string> build, CancellationToken ct)
    {
        byte[] bytes;
        PerformanceReport report;
        Distribution distribution;
        try
        {
            bytes = Encoding.UTF8.GetBytes(build());
            report = PerformanceReportParser.Parse(bytes);
            distribution = AttributionEngine.Distribute(report);
        }
        catch (AttributionException e)
        {
            throw new CliException($"the report could not be built: {e.Message}");
        }

        var output = context.Parse.GetValue(_out)!;
        try { await File.WriteAllBytesAsync(output.FullName, bytes, ct); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write the report to {output.FullName}: {e.Message}");
        }
        return (output.FullName, bytes, report, distribution);
    }

    private static ulong ToUInt64(ArgumentResult r, string name)
    {
        var n = Infrastructure.Options.PositiveInteger(r, name);
        if (n <= ulong.MaxValue) return (ulong)n;
        r.AddError($"{name} expects a positive integer below 2^64 but got '{r.Tokens.Single().Value}'");
        return 0;
    }
}

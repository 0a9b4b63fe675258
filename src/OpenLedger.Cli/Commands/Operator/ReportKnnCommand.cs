using System.CommandLine;
using System.Numerics;
using OpenLedger.Attribution.Reports;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Training.Datasets;

namespace OpenLedger.Cli.Commands.Operator;

/// <summary>
/// report knn: the model owner's performance report for an epoch, from a k-NN model trained on the data of the
/// contributions actually registered (matched to files by content hash) and scored on a held-out split, with
/// neighbour-credit evidence (src/OpenLedger.Training/Datasets). Its cohort boundaries are the blocks of the model's
/// earlier postings, and once the evaluation set is sealed it measures its own precision (the k-NN model retrained
/// on the subsets the sealing block's hash draws). The report is validated and attributed before it is written, so
/// what lands in --out is what the node will accept and how it will split the rewards.
/// </summary>
public sealed class ReportKnnCommand : ReportCommand
{
    private readonly Option<int> _k = Infrastructure.Options.Integer("--k", "neighbours of the k-NN model and of KNN-Shapley", 1, int.MaxValue, defaultValue: 5);
    private readonly Option<int> _precisionSubsets = Infrastructure.Options.Integer("--precision-subsets",
        "subsets of half the contributions the k-NN model is retrained on to measure the report's precision (LDS)",
        PrecisionSection.MinimumSubsets, 100_000, defaultValue: PrecisionSection.MinimumSubsets);

    public ReportKnnCommand() : base("knn", "write an epoch's performance report from a k-NN model evaluated on a held-out split, valued by neighbour credit")
    {
        Options.Add(_k);
        Options.Add(_precisionSubsets);
    }

    public override async Task<int> ExecuteAsync(CliContext context, CancellationToken ct)
    {
        var inputs = await ReadInputsAsync(context, ct);
        var chain = await context.ReadChainAsync(ct);
        var commitmentBlock = await CommitmentBlockHashAsync(chain, inputs.Model, inputs.Epoch, ct);
        if (commitmentBlock is null)
            await context.Console.Error.WriteLineAsync($"precision not measured: model {inputs.Model} has no evaluation set sealed for epoch {inputs.Epoch} yet " +
                "(the subsets are drawn from the sealing block's hash; seal it with `openledger evaluation commit`, then build the report)");
        // Contributions registered after an earlier epoch's report was published form a later cohort (docs/attribution.md).
        var boundaries = await RegisteredContributions.CohortBoundariesAsync(context.Node(), inputs.Model, inputs.Epoch, ct);
        var request = new KnnReportRequest(inputs.Model, inputs.Epoch, inputs.Test, inputs.Matching.Shards.Select(s => s.Shard).ToArray(),
            context.Parse.GetValue(_k), inputs.Rewards, inputs.Pool,
            CohortBoundaries: boundaries, CommitmentBlockHash: commitmentBlock, PrecisionSubsets: context.Parse.GetValue(_precisionSubsets));
        var (path, bytes, report, distribution) = await WriteReportAsync(context, () => KnnReportBuilder.Build(request), ct);
        ReportKnnSummary.Write(context, new ReportKnnSummary(path, Keccak.Hash(bytes), report, request.K, inputs.Test.Count, inputs.Matching, distribution));
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
}

using System.CommandLine;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Ethereum.Primitives;
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
    public ReportKnnCommand() : base("knn", "write an epoch's performance report from a k-NN model evaluated on a held-out split, valued by neighbour credit")
    {
        Options.Add(_k);
    }

    public override async Task<int> ExecuteAsync(CliContext context, CancellationToken ct)
    {
        var inputs = await ReadInputsAsync(context, ct);
        var commitmentBlock = await PrecisionBlockHashAsync(context, inputs, ct);
        // Contributions registered after an earlier epoch's report was published form a later cohort (docs/attribution.md).
        var boundaries = await RegisteredContributions.CohortBoundariesAsync(context.Node(), inputs.Model, inputs.Epoch, ct);
        var request = new KnnReportRequest(inputs.Model, inputs.Epoch, inputs.Test, inputs.Matching.Shards.Select(s => s.Shard).ToArray(),
            context.Parse.GetValue(_k), inputs.Rewards, inputs.Pool,
            CohortBoundaries: boundaries, CommitmentBlockHash: commitmentBlock, PrecisionSubsets: context.Parse.GetValue(_precisionSubsets));
        var (path, bytes, report, distribution) = await WriteReportAsync(context, () => KnnReportBuilder.Build(request), ct);
        ReportKnnSummary.Write(context, new ReportKnnSummary(path, Keccak.Hash(bytes), report, request.K, inputs.Test.Count, inputs.Matching, distribution));
        return ExitCodes.Ok;
    }
}

using System.CommandLine;
using System.Numerics;
using OpenLedger.Training.Datasets;
using OpenLedger.Cli.Commands.Operator;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Cli.Commands.Owner;

/// <summary>
/// evaluation commit: the model owner seals the test set of the model's next epoch before its contributions close,
/// by posting the keccak-256 of the test set file on chain (RewardDistributor.commitEvaluationSet). The rows stay
/// private until the epoch's report reveals them, and the node refuses a report whose testSetHash differs.
/// </summary>
public sealed class EvaluationCommitCommand : VerbCommand
{
    private readonly Option<BigInteger> _model = Infrastructure.Options.ModelId();
    private readonly Option<BigInteger> _epoch = new("--epoch")
    {
        Description = "the epoch the set will evaluate: the model's next one (last posted + 1)",
        Required = true,
        CustomParser = r => Infrastructure.Options.PositiveInteger(r, "--epoch"),
    };
    private readonly Option<FileInfo> _file = new("--file")
    {
        Description = "the held-out test split in scikit-learn CSV form, as `report knn --test` will read it; its keccak-256 is sealed",
        Required = true,
    };
    private readonly SignerOptions _signer = new();

    public EvaluationCommitCommand() : base("commit", "seal the next epoch's test set on chain by its hash (model owner), before the report reveals it")
    {
        Options.Add(_model);
        Options.Add(_epoch);
        Options.Add(_file);
        _signer.AddTo(this);
    }

    public override async Task<int> ExecuteAsync(CliContext context, CancellationToken ct)
    {
        var p = context.Parse;
        var modelId = p.GetValue(_model);
        var epoch = p.GetValue(_epoch);
        var path = p.GetValue(_file)!.FullName;
        var testSetHash = await TestSetHashAsync(path, context.Console, ct);

        var session = await context.SignChainAsync(_signer, ct);
        await OwnerChecks.RequireOwnerAsync(session, modelId, "seal its evaluation set", ct);
        var distributor = session.Services.Distributor;
        var next = await distributor.LastEpochAsync(modelId, ct: ct) + 1;
        if (epoch != next)
            throw new CliException($"model {modelId}'s next epoch is {next}: an evaluation set can be sealed only for it, not for epoch {epoch}");
        var sealedSet = await distributor.EvaluationCommitmentAsync(modelId, epoch, ct: ct);
        if (sealedSet.TestSetHash != default)
            throw new CliException($"model {modelId} epoch {epoch} already has a sealed evaluation set {sealedSet.TestSetHash} (block {sealedSet.CommittedAtBlock})" +
                (sealedSet.TestSetHash == testSetHash ? ": this very file" : "; a sealed set cannot be replaced"));

        var receipt = await distributor.CommitEvaluationSetAsync(modelId, epoch, testSetHash, ct);
        context.WriteResult(("model", modelId), ("epoch", epoch), ("test set hash", testSetHash), ("block", receipt.BlockNumber),
            ("transaction", receipt.TransactionHash));
        return ExitCodes.Ok;
    }

    /// <summary>
    /// keccak-256 of the file's bytes, which must also be the canonical scikit-learn CSV `report knn` hashes into the
    /// report's testSetHash: a file in another form (other number spelling, CRLF) would seal a hash no report carries.
    /// </summary>
    public static async Task<Hash32> TestSetHashAsync(string path, CliConsole console, CancellationToken ct)
    {
        var rows = ShardFile.ReadDataset(path, "test set file");
        if (rows.Count == 0) throw new CliException($"the test set file {path} has no rows: there is nothing to evaluate on");
        var fileHash = await ContentHasher.HashFileAsync(path, console, ct);
        var canonical = SklearnCsv.ContentHash(rows);
        if (fileHash != canonical)
            throw new CliException($"the test set file {path} is not in canonical scikit-learn CSV form: its keccak-256 is {fileHash} but a report on " +
                $"its rows carries {canonical} (values in shortest round-trip form, LF line ends, a final LF)");
        return fileHash;
    }
}

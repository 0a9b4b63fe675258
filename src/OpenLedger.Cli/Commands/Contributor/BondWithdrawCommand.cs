using System.CommandLine;
using System.Numerics;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Contracts.Registry;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Cli.Commands.Contributor;

/// <summary>bond withdraw: take back an unflagged bond after the model's lock, by content hash or by id (looked up in the node).</summary>
public sealed class BondWithdrawCommand : VerbCommand
{
    private readonly Option<BigInteger?> _model = new("--model")
    {
        Description = "model id (with --content-hash)",
        CustomParser = r => Infrastructure.Options.PositiveInteger(r, "--model"),
    };
    private readonly Option<Hash32?> _contentHash = new("--content-hash")
    {
        Description = "content hash of the contribution (with --model)",
        CustomParser = r => Infrastructure.Options.Hash(r, "--content-hash"),
    };
    private readonly Option<Hash32?> _id = new("--id")
    {
        Description = "contribution id instead of --model and --content-hash (looked up through the node API)",
        CustomParser = r => Infrastructure.Options.Hash(r, "--id"),
    };
    private readonly SignerOptions _signer = new();

    public BondWithdrawCommand() : base("withdraw", "withdraw a contribution's bond after the model's bond lock")
    {
        Options.Add(_model);
        Options.Add(_contentHash);
        Options.Add(_id);
        _signer.AddTo(this);
        Validators.Add(r =>
        {
            var byHash = r.GetResult(_model) is not null && r.GetResult(_contentHash) is not null;
            var byId = r.GetResult(_id) is not null;
            if (byHash == byId) r.AddError("give either --model and --content-hash, or --id");
        });
    }

    public override async Task<int> ExecuteAsync(CliContext context, CancellationToken ct)
    {
        var p = context.Parse;
        BigInteger modelId;
        Hash32 contentHash;
        if (p.GetValue(_id) is { } id)
        {
            var found = await context.Node().GetAsync($"contributions/{id}", ct, allowMissing: true)
                ?? throw new CliException($"the node has no contribution {id} indexed");
            modelId = found["modelId"]!.GetValue<long>();
            contentHash = Hash32.Parse(found["contentHash"]!.GetValue<string>());
        }
        else
        {
            modelId = p.GetValue(_model)!.Value;
            contentHash = p.GetValue(_contentHash)!.Value;
        }
        var session = await context.SignChainAsync(_signer, ct);
        await session.RequireModelAsync(modelId, ct);
        var contribution = await session.Services.Registry.ContributionAsync(modelId, contentHash, ct: ct);
        if (contribution.Status == Status.None) throw new CliException($"model {modelId} holds no contribution with content hash {contentHash}");
        if (contribution.Contributor != session.Sender)
            throw new CliException($"the contribution belongs to {contribution.Contributor}, not to the signer {session.Sender}");
        if (contribution.Bond.IsZero) throw new CliException("the contribution has no bond left to withdraw");
        var receipt = await session.Services.Registry.WithdrawBondAsync(modelId, contentHash, ct);
        context.WriteResult(("model", modelId), ("contentHash", contentHash), ("amount", Amounts.Format(contribution.Bond)), ("transaction", receipt.TransactionHash));
        return ExitCodes.Ok;
    }
}

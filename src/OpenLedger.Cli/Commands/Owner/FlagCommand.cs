using System.CommandLine;
using System.Numerics;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Contracts.Registry;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Cli.Commands.Owner;

/// <summary>flag: a validator marks a contribution as bad; after the dispute window it can be slashed.</summary>
public sealed class FlagCommand : VerbCommand
{
    private readonly Option<BigInteger> _model = Infrastructure.Options.ModelId();
    private readonly Option<Hash32> _contentHash = Infrastructure.Options.ContentHash();
    private readonly Option<string> _reason = new("--reason") { Description = "why the contribution is bad (recorded in the event)", Required = true };
    private readonly SignerOptions _signer = new();

    public FlagCommand() : base("flag", "flag a contribution as bad (validators of the model only)")
    {
        Options.Add(_model);
        Options.Add(_contentHash);
        Options.Add(_reason);
        _signer.AddTo(this);
    }

    public override async Task<int> ExecuteAsync(CliContext context, CancellationToken ct)
    {
        var p = context.Parse;
        var modelId = p.GetValue(_model);
        var hash = p.GetValue(_contentHash);
        var session = await context.SignChainAsync(_signer, ct);
        var registry = session.Services.Registry;
        await session.RequireModelAsync(modelId, ct);
        if (!await registry.IsValidatorAsync(modelId, session.Sender, ct: ct))
            throw new CliException($"{session.Sender} is not a validator of model {modelId}", hint: "the model owner adds one with: openledger validator add");
        var contribution = await registry.ContributionAsync(modelId, hash, ct: ct);
        if (contribution.Status != Status.Active)
            throw new CliException($"model {modelId} has no active contribution with content hash {hash} (status {contribution.Status})");
        var receipt = await registry.FlagAsync(modelId, hash, p.GetValue(_reason)!, ct);
        context.WriteResult(("model", modelId), ("contentHash", hash), ("id", await registry.ContributionIdAsync(modelId, hash, ct: ct)),
            ("transaction", receipt.TransactionHash));
        return ExitCodes.Ok;
    }
}

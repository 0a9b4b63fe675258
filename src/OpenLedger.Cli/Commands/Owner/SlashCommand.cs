using System.CommandLine;
using System.Numerics;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Contracts.Registry;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Cli.Commands.Owner;

/// <summary>slash: move a flagged contribution's bond into the model's reward pool once the dispute window ended (anyone).</summary>
public sealed class SlashCommand : VerbCommand
{
    private readonly Option<BigInteger> _model = Infrastructure.Options.ModelId();
    private readonly Option<Hash32> _contentHash = Infrastructure.Options.ContentHash();
    private readonly SignerOptions _signer = new();

    public SlashCommand() : base("slash", "slash a flagged contribution's bond after its dispute window")
    {
        Options.Add(_model);
        Options.Add(_contentHash);
        _signer.AddTo(this);
    }

    public override async Task<int> ExecuteAsync(CliContext context, CancellationToken ct)
    {
        var modelId = context.Parse.GetValue(_model);
        var hash = context.Parse.GetValue(_contentHash);
        var session = await context.SignChainAsync(_signer, ct);
        await session.RequireModelAsync(modelId, ct);
        var contribution = await session.Services.Registry.ContributionAsync(modelId, hash, ct: ct);
        if (contribution.Status != Status.Flagged)
            throw new CliException($"model {modelId}'s contribution {hash} is not flagged (status {contribution.Status})");
        var receipt = await session.Services.Registry.SlashAsync(modelId, hash, ct);
        context.WriteResult(("model", modelId), ("contentHash", hash), ("amount", Amounts.Format(contribution.Bond)), ("transaction", receipt.TransactionHash));
        return ExitCodes.Ok;
    }
}

using System.CommandLine;
using System.Numerics;
using OpenLedger.Cli.Infrastructure;

namespace OpenLedger.Cli.Commands.Owner;

/// <summary>epoch veto: the model owner or a guardian vetoes a posted epoch inside its challenge window.</summary>
public sealed class EpochVetoCommand : VerbCommand
{
    private readonly Option<BigInteger> _model = Infrastructure.Options.ModelId();
    private readonly Option<BigInteger> _epoch = new("--epoch")
    {
        Description = "the posted epoch to veto",
        Required = true,
        CustomParser = r => Infrastructure.Options.PositiveInteger(r, "--epoch"),
    };
    private readonly Option<string> _reason = new("--reason") { Description = "why (recorded in the event)", Required = true };
    private readonly SignerOptions _signer = new();

    public EpochVetoCommand() : base("veto", "veto a posted epoch inside its challenge window (model owner or guardian)")
    {
        Options.Add(_model);
        Options.Add(_epoch);
        Options.Add(_reason);
        _signer.AddTo(this);
    }

    public override async Task<int> ExecuteAsync(CliContext context, CancellationToken ct)
    {
        var p = context.Parse;
        var modelId = p.GetValue(_model);
        var epoch = p.GetValue(_epoch);
        var session = await context.SignChainAsync(_signer, ct);
        await session.RequireModelAsync(modelId, ct);
        var last = await session.Services.Distributor.LastEpochAsync(modelId, ct: ct);
        if (epoch > last) throw new CliException($"model {modelId} has no epoch {epoch} posted (last posted: {last})");
        var receipt = await session.Services.Distributor.VetoEpochAsync(modelId, epoch, p.GetValue(_reason)!, ct);
        context.WriteResult(("model", modelId), ("epoch", epoch), ("transaction", receipt.TransactionHash));
        return ExitCodes.Ok;
    }
}

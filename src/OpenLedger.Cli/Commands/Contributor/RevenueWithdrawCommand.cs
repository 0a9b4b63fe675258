using System.Numerics;
using OpenLedger.Cli.Infrastructure;

namespace OpenLedger.Cli.Commands.Contributor;

/// <summary>revenue withdraw: a share holder takes the revenue their shares accrued for a model.</summary>
public sealed class RevenueWithdrawCommand : VerbCommand
{
    private readonly System.CommandLine.Option<BigInteger> _model = Infrastructure.Options.ModelId();
    private readonly SignerOptions _signer = new();

    public RevenueWithdrawCommand() : base("withdraw", "withdraw the revenue your model shares accrued")
    {
        Options.Add(_model);
        _signer.AddTo(this);
    }

    public override async Task<int> ExecuteAsync(CliContext context, CancellationToken ct)
    {
        var modelId = context.Parse.GetValue(_model);
        var session = await context.SignChainAsync(_signer, ct);
        await session.RequireModelAsync(modelId, ct);
        var amount = await session.Services.Shares.WithdrawableRevenueAsync(modelId, session.Sender, ct: ct);
        if (amount.IsZero) throw new CliException($"{session.Sender} has no revenue to withdraw for model {modelId}");
        var receipt = await session.Services.Shares.WithdrawRevenueAsync(modelId, ct);
        context.WriteResult(("model", modelId), ("amount", Amounts.Format(amount)), ("transaction", receipt.TransactionHash));
        return ExitCodes.Ok;
    }
}

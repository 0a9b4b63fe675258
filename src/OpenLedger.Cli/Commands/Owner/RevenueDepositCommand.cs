using System.CommandLine;
using System.Numerics;
using OpenLedger.Cli.Infrastructure;

namespace OpenLedger.Cli.Commands.Owner;

/// <summary>revenue deposit: pay model revenue in OPEN; split by the model's policy between owner, pool and holders.</summary>
public sealed class RevenueDepositCommand : VerbCommand
{
    private readonly Option<BigInteger> _model = Infrastructure.Options.ModelId();
    private readonly Option<BigInteger> _amount = Infrastructure.Options.Amount("--amount", "revenue to deposit");
    private readonly SignerOptions _signer = new();

    public RevenueDepositCommand() : base("deposit", "deposit revenue for a model (approves ModelShares first when needed)")
    {
        _amount.Validators.Add(r =>
        {
            // GetValueOrDefault throws when the amount itself did not parse (that error is reported already).
            if (r.Tokens.Count == 1 && Amounts.TryParse(r.Tokens[0].Value, out var wei) && wei.IsZero) r.AddError("--amount must be more than 0");
        });
        Options.Add(_model);
        Options.Add(_amount);
        _signer.AddTo(this);
    }

    public override async Task<int> ExecuteAsync(CliContext context, CancellationToken ct)
    {
        var modelId = context.Parse.GetValue(_model);
        var amount = context.Parse.GetValue(_amount);
        var session = await context.SignChainAsync(_signer, ct);
        await session.RequireModelAsync(modelId, ct);
        var token = session.Services.Token;
        var balance = await token.BalanceOfAsync(session.Sender, ct: ct);
        if (balance < amount)
            throw new CliException($"too little OPEN: {session.Sender} holds {Amounts.Format(balance)} but the deposit is {Amounts.Format(amount)}; " +
                Funding.OpenHint(session.Deployment.ChainId, session.Sender));
        var shares = session.Services.Shares.Address;
        if (await token.AllowanceAsync(session.Sender, shares, ct: ct) < amount)
        {
            context.Info($"approving {Amounts.Format(amount)} OPEN for ModelShares");
            await token.ApproveAsync(shares, amount, ct);
        }
        var receipt = await session.Services.Shares.DepositRevenueAsync(modelId, amount, ct);
        context.WriteResult(("model", modelId), ("amount", Amounts.Format(amount)), ("transaction", receipt.TransactionHash));
        return ExitCodes.Ok;
    }
}

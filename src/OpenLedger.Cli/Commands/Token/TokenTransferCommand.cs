using System.CommandLine;
using System.Numerics;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Cli.Commands.Token;

/// <summary>token transfer: send OPEN from the signer to an address (how a holder funds a contributor's bond).</summary>
public sealed class TokenTransferCommand : VerbCommand
{
    private readonly Option<Address> _to = Infrastructure.Options.AddressOption("--to", "the address that receives the OPEN");
    private readonly Option<BigInteger> _amount = Infrastructure.Options.Amount("--amount", "OPEN to send");
    private readonly SignerOptions _signer = new();

    public TokenTransferCommand() : base("transfer", "send OPEN from the signer to an address")
    {
        _amount.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && Amounts.TryParse(r.Tokens[0].Value, out var wei) && wei.IsZero) r.AddError("--amount must be more than 0");
        });
        Options.Add(_to);
        Options.Add(_amount);
        _signer.AddTo(this);
    }

    public override async Task<int> ExecuteAsync(CliContext context, CancellationToken ct)
    {
        var to = context.Parse.GetValue(_to);
        var amount = context.Parse.GetValue(_amount);
        var session = await context.SignChainAsync(_signer, ct);
        var token = session.Services.Token;
        var balance = await token.BalanceOfAsync(session.Sender, ct: ct);
        if (balance < amount)
            throw new CliException($"too little OPEN: {session.Sender} holds {Amounts.Format(balance)} but the transfer is {Amounts.Format(amount)}; " +
                Funding.OpenHint(session.Deployment.ChainId, session.Sender));
        var receipt = await token.TransferAsync(to, amount, ct);
        context.WriteResult(("from", session.Sender), ("to", to), ("amount", Amounts.Format(amount)),
            ("balance", Amounts.Format(await token.BalanceOfAsync(session.Sender, ct: ct))), ("transaction", receipt.TransactionHash));
        return ExitCodes.Ok;
    }
}

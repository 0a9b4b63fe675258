using System.CommandLine;
using System.Numerics;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Ethereum.Accounts;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Ethereum.Sending;

namespace OpenLedger.Cli.Commands.Dev;

/// <summary>
/// dev fund: on a local development chain only, sends ETH and OPEN to a new wallet from Hardhat's first account (the
/// deployer of scripts/deploy.js, which holds the OPEN supply). That account's key comes from Hardhat's published test
/// mnemonic, worthless anywhere else, which is why the verb refuses every chain but Hardhat's.
/// </summary>
public sealed class DevFundCommand : VerbCommand
{
    /// <summary>Hardhat's default accounts: public, for local chains only.</summary>
    public const string HardhatMnemonic = "test test test test test test test test test test test junk";

    private readonly Option<Address> _to = Infrastructure.Options.AddressOption("--to", "the address to fund (e.g. the one wallet new printed)");
    private readonly Option<BigInteger> _eth = Infrastructure.Options.Amount("--eth", "ETH to send, for gas", required: false, unit: "ETH");
    private readonly Option<BigInteger> _open = Infrastructure.Options.Amount("--open", "OPEN to send, for bonds", required: false);

    public DevFundCommand() : base("fund", $"on a local Hardhat chain (chain id {Funding.DevChainId}) only: send a wallet ETH and OPEN from Hardhat's first account")
    {
        _eth.DefaultValueFactory = _ => 10 * Amounts.OneToken;
        _open.DefaultValueFactory = _ => 1000 * Amounts.OneToken;
        Options.Add(_to);
        Options.Add(_eth);
        Options.Add(_open);
    }

    public override async Task<int> ExecuteAsync(CliContext context, CancellationToken ct)
    {
        var p = context.Parse;
        var to = p.GetValue(_to);
        var (eth, open) = (p.GetValue(_eth), p.GetValue(_open));
        var funder = new HdWallet(HardhatMnemonic).GetAccount(0);
        var session = await context.SignChainAsync(funder, ct);
        if (session.Deployment.ChainId != Funding.DevChainId)
            throw new CliException($"dev fund only works on a local Hardhat chain (chain id {Funding.DevChainId}) but {context.RpcUrl} is chain id {session.Deployment.ChainId}",
                hint: "on other chains get ETH from a faucet or another wallet, and OPEN from a holder (openledger token transfer)");
        var token = session.Services.Token;
        var held = await token.BalanceOfAsync(funder.Address, ct: ct);
        if (held < open)
            throw new CliException($"the dev funder {funder.Address} holds only {Amounts.Format(held)} OPEN but {Amounts.Format(open)} were asked for: was this chain deployed by scripts/deploy.js?");

        Hash32? ethTx = null, openTx = null;
        if (!eth.IsZero) ethTx = (await session.Client!.Transactions.SendAndWaitAsync(new TransactionRequest { To = to, Value = eth }, ct)).TransactionHash;
        if (!open.IsZero) openTx = (await token.TransferAsync(to, open, ct)).TransactionHash;
        context.WriteResult(("address", to), ("ETH", Amounts.Format(await session.Rpc.GetBalanceAsync(to, ct: ct))),
            ("OPEN", Amounts.Format(await token.BalanceOfAsync(to, ct: ct))), ("eth transaction", ethTx), ("open transaction", openTx));
        return ExitCodes.Ok;
    }
}

using OpenLedger.Cli.Infrastructure;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;

namespace OpenLedger.Cli.Commands.Token;

/// <summary>token balance: the OPEN and ETH an address holds (what a bond and its gas need).</summary>
public sealed class TokenBalanceCommand : VerbCommand
{
    private readonly System.CommandLine.Option<Address> _address = Infrastructure.Options.AddressOption("--address", "the account to show");

    public TokenBalanceCommand() : base("balance", "show the OPEN and ETH an address holds") => Options.Add(_address);

    public override async Task<int> ExecuteAsync(CliContext context, CancellationToken ct)
    {
        var address = context.Parse.GetValue(_address);
        var session = await context.ReadChainAsync(ct);
        var open = await session.Services.Token.BalanceOfAsync(address, ct: ct);
        var eth = await session.Rpc.GetBalanceAsync(address, ct: ct);
        context.WriteResult(("address", address), ("OPEN", Amounts.Format(open)), ("ETH", Amounts.Format(eth)));
        return ExitCodes.Ok;
    }
}

using OpenLedger.Cli.Infrastructure;

namespace OpenLedger.Cli.Commands.Wallet;

/// <summary>wallet address: the address of a keystore, or of a mnemonic's account INDEX.</summary>
public sealed class WalletAddressCommand : VerbCommand
{
    private readonly SignerOptions _signer = new();

    public WalletAddressCommand() : base("address", "show the address a --keystore or --mnemonic-env/--index signs with") => _signer.AddTo(this);

    public override Task<int> ExecuteAsync(CliContext context, CancellationToken ct)
    {
        var account = _signer.Resolve(context.Parse, context.Console);
        context.WriteResult(("address", account.Address));
        return Task.FromResult(ExitCodes.Ok);
    }
}

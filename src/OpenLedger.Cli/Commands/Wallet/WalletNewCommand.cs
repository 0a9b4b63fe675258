using System.CommandLine;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Ethereum.Accounts;

namespace OpenLedger.Cli.Commands.Wallet;

/// <summary>wallet new: a fresh BIP-39 mnemonic; its account 0 goes into an encrypted keystore.</summary>
public sealed class WalletNewCommand : VerbCommand
{
    private readonly Option<FileInfo> _keystore = new("--keystore")
    {
        Description = $"keystore file to create, must not exist (default: the default wallet, {WalletFolder.DefaultFileName} in ${WalletFolder.Variable} or ~/.openledger/wallets)",
    };
    private readonly Option<string> _passwordEnv = new("--password-env") { Description = "environment variable holding the new password (prompted for when omitted)" };
    private readonly Option<int> _words = new("--words")
    {
        Description = "mnemonic length: 12 or 24 words",
        DefaultValueFactory = _ => 12,
        CustomParser = r =>
        {
            var text = r.Tokens.SingleOrDefault()?.Value ?? "";
            if (text is "12" or "24") return int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
            r.AddError($"--words expects 12 or 24 but got '{text}'");
            return 0;
        },
    };
    private readonly Option<bool> _showMnemonic = new("--show-mnemonic") { Description = "print the mnemonic once so it can be written down; it is not stored anywhere else" };
    private readonly Option<bool> _lightKdf = new("--light-kdf") { Description = "weaker, faster scrypt (N=4096) for throwaway test wallets" };

    public WalletNewCommand() : base("new", "create a wallet: a new mnemonic, its first account encrypted into a keystore")
    {
        Options.Add(_keystore);
        Options.Add(_passwordEnv);
        Options.Add(_words);
        Options.Add(_showMnemonic);
        Options.Add(_lightKdf);
    }

    public override Task<int> ExecuteAsync(CliContext context, CancellationToken ct)
    {
        var file = context.Parse.GetValue(_keystore) ?? WalletFolder.DefaultKeystore(context.Console);
        Wallets.RequireNew(file);
        var password = Wallets.ReadPassword(context.Console, context.Parse.GetValue(_passwordEnv), "New keystore password: ", confirm: true);
        Wallets.RequireStrongPassword(password);
        var mnemonic = Mnemonic.Generate(context.Parse.GetValue(_words));
        var account = new HdWallet(mnemonic).GetAccount(0);
        Wallets.WriteKeystore(file, account, password, context.Parse.GetValue(_lightKdf));
        var show = context.Parse.GetValue(_showMnemonic);
        context.WriteResult(
            [("address", account.Address), ("keystore", file.FullName), ("path", "m/44'/60'/0'/0/0"),
             .. show ? new (string, object?)[] { ("mnemonic", mnemonic.Phrase) } : []]);
        context.Info(show
            ? "Write the mnemonic down now: it is shown this once, is not stored anywhere and is the only way to recover the wallet without the keystore."
            : "The mnemonic was not shown and is not stored anywhere: this keystore file and its password are the only way to use the wallet. " +
              "To have a recovery phrase, create the wallet with --show-mnemonic and write it down.");
        return Task.FromResult(ExitCodes.Ok);
    }
}

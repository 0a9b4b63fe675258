using System.CommandLine;
using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Accounts;

namespace OpenLedger.Cli.Infrastructure;

/// <summary>
/// How a write command gets its signing key: an encrypted keystore (password from a prompt or an environment
/// variable named by --password-env) or a mnemonic read from an environment variable; with neither, the default
/// wallet of the <see cref="WalletFolder"/>. A key or a mnemonic is never an argument: command lines end up in shell
/// history and process listings.
/// </summary>
public sealed class SignerOptions
{
    public readonly Option<FileInfo> Keystore = new("--keystore")
    {
        Description = $"encrypted keystore (v3 JSON) that signs (default: {WalletFolder.DefaultFileName} in ${WalletFolder.Variable} or ~/.openledger/wallets)",
    };

    public readonly Option<string> PasswordEnv = new("--password-env")
    {
        Description = "name of the environment variable holding the keystore password (prompted for when omitted)",
    };

    public readonly Option<string> MnemonicEnv = new("--mnemonic-env")
    {
        Description = "name of the environment variable holding a BIP-39 mnemonic (instead of --keystore)",
    };

    public readonly Option<int> Index = Options.Integer("--index", "account index of the mnemonic: path m/44'/60'/0'/0/INDEX",
        0, int.MaxValue, defaultValue: 0);

    public void AddTo(Command command)
    {
        command.Options.Add(Keystore);
        command.Options.Add(PasswordEnv);
        command.Options.Add(MnemonicEnv);
        command.Options.Add(Index);
        command.Validators.Add(r =>
        {
            var keystore = r.GetResult(Keystore) is not null;
            var mnemonic = r.GetResult(MnemonicEnv) is not null;
            if (keystore && mnemonic) r.AddError("give one signer, not both: --keystore FILE or --mnemonic-env VAR");
        });
    }

    /// <summary>Decrypts or derives the account. Nothing secret is ever put into a message.</summary>
    public Account Resolve(ParseResult parse, CliConsole console)
    {
        if (parse.GetValue(MnemonicEnv) is { } variable)
        {
            var phrase = console.Environment(variable);
            if (string.IsNullOrWhiteSpace(phrase)) throw new CliException($"environment variable {variable} (--mnemonic-env) is not set");
            try
            {
                return new HdWallet(phrase.Trim()).GetAccount(parse.GetValue(Index));
            }
            catch (EthereumException)
            {
                throw new CliException($"environment variable {variable} does not hold a valid BIP-39 mnemonic");
            }
        }
        var file = parse.GetValue(Keystore) ?? WalletFolder.RequireDefaultKeystore(console);
        return Wallets.OpenKeystore(file, Wallets.ReadPassword(console, parse.GetValue(PasswordEnv), $"Password for {file.Name}: ", confirm: false));
    }
}

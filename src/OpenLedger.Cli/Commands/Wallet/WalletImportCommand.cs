using System.CommandLine;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Accounts;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Cli.Commands.Wallet;

/// <summary>wallet import: a mnemonic or a private key, read from stdin or an environment variable, into a keystore.</summary>
public sealed class WalletImportCommand : VerbCommand
{
    private readonly Option<FileInfo> _keystore = new("--keystore")
    {
        Description = $"keystore file to create, must not exist (default: the default wallet, {WalletFolder.DefaultFileName} in ${WalletFolder.Variable} or ~/.openledger/wallets)",
    };
    private readonly Option<string> _fromEnv = new("--from-env") { Description = "environment variable holding the mnemonic or 0x private key (default: read stdin)" };
    private readonly Option<int> _index = Infrastructure.Options.Integer("--index", "account index when importing a mnemonic: m/44'/60'/0'/0/INDEX",
        0, int.MaxValue, defaultValue: 0);
    private readonly Option<string> _passwordEnv = new("--password-env") { Description = "environment variable holding the new password (prompted for when omitted)" };
    private readonly Option<bool> _lightKdf = new("--light-kdf") { Description = "weaker, faster scrypt (N=4096) for throwaway test wallets" };

    public WalletImportCommand() : base("import", "encrypt an existing mnemonic or private key into a keystore")
    {
        Options.Add(_keystore);
        Options.Add(_fromEnv);
        Options.Add(_index);
        Options.Add(_passwordEnv);
        Options.Add(_lightKdf);
    }

    public override Task<int> ExecuteAsync(CliContext context, CancellationToken ct)
    {
        var file = context.Parse.GetValue(_keystore) ?? WalletFolder.DefaultKeystore(context.Console);
        Wallets.RequireNew(file);
        var variable = context.Parse.GetValue(_fromEnv);
        var secret = variable is null ? context.Console.In.ReadLine() : context.Console.Environment(variable);
        if (string.IsNullOrWhiteSpace(secret))
            throw new CliException(variable is null ? "nothing to import on stdin" : $"environment variable {variable} (--from-env) is not set");
        var account = ToAccount(secret.Trim(), context.Parse.GetValue(_index), context.Parse.GetResult(_index) is { Implicit: false });
        var password = Wallets.ReadPassword(context.Console, context.Parse.GetValue(_passwordEnv), "New keystore password: ", confirm: true);
        Wallets.RequireStrongPassword(password);
        Wallets.WriteKeystore(file, account, password, context.Parse.GetValue(_lightKdf));
        context.WriteResult(("address", account.Address), ("keystore", file.FullName));
        return Task.FromResult(ExitCodes.Ok);
    }

    private static Account ToAccount(string secret, int index, bool indexGiven)
    {
        // Never echo the input in an error: it is a key or a mnemonic.
        if (!secret.Contains(' '))
        {
            // A private key is one account: an index would be silently ignored, and the wrong account imported.
            if (indexGiven)
                throw CliException.Usage("--index selects an account of a mnemonic, but the input is a private key (one account, no index): leave --index out");
            var hex = secret.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? secret : "0x" + secret;
            if (hex.Length != 66 || !Hex.IsValid(hex)) throw new CliException("the input is neither a mnemonic nor a 32-byte hex private key");
            try { return new Account(hex); }
            catch (EthereumException) { throw new CliException("the input is not a valid secp256k1 private key"); }
        }
        try { return new HdWallet(secret).GetAccount(index); }
        catch (EthereumException) { throw new CliException("the input is not a valid BIP-39 mnemonic (unknown word or bad checksum)"); }
    }
}

using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Accounts;
using Spectre.Console;

namespace OpenLedger.Cli.Infrastructure;

/// <summary>Keystore files and passwords.</summary>
public static class Wallets
{
    public static Account OpenKeystore(FileInfo file, string password)
    {
        FilePaths.RequireNotFolder(file.FullName, "the keystore");
        string json;
        try
        {
            json = File.ReadAllText(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read keystore {file.FullName}: {e.Message}");
        }
        try
        {
            return Account.FromKeystore(json, password);
        }
        catch (EthereumException e) when (e.Message.Contains("MAC mismatch", StringComparison.Ordinal))
        {
            throw new CliException($"wrong password for keystore {file.FullName}");
        }
        catch (EthereumException e)
        {
            throw new CliException($"keystore {file.FullName} is not a readable v3 keystore: {e.Message}");
        }
    }

    /// <summary>The password from the variable named by <paramref name="passwordEnv"/>, else a prompt (hidden on a terminal).</summary>
    public static string ReadPassword(CliConsole console, string? passwordEnv, string prompt, bool confirm)
    {
        if (passwordEnv is not null)
        {
            var value = console.Environment(passwordEnv);
            return string.IsNullOrEmpty(value) ? throw new CliException($"environment variable {passwordEnv} (--password-env) is not set") : value;
        }
        if (console.Interactive)
        {
            var password = console.Ansi.Prompt(new TextPrompt<string>(prompt).Secret());
            if (confirm && console.Ansi.Prompt(new TextPrompt<string>("Repeat the password: ").Secret()) != password)
                throw new CliException("the two passwords differ");
            return password;
        }
        // Piped: the first line of stdin is the password.
        var line = console.In.ReadLine();
        return string.IsNullOrEmpty(line) ? throw new CliException("no password: give --password-env VAR or type it at the prompt") : line;
    }

    public static void WriteKeystore(FileInfo file, Account account, string password, bool lightKdf)
    {
        RequireNew(file);
        // Light scrypt (N=4096) is for throwaway test wallets; the default is the standard N=262144.
        var options = lightKdf ? new KeystoreOptions { ScryptN = 4096 } : null;
        var json = account.ToKeystore(password, options);
        try
        {
            if (file.Directory is { Exists: false } folder) WalletFolder.Create(folder);
            // Created owner-only from the start, not narrowed after the key is already on disk.
            var stream = OperatingSystem.IsWindows()
                ? new FileStream(file.FullName, FileMode.CreateNew, FileAccess.Write)
                : new FileStream(file.FullName, new FileStreamOptions
                {
                    Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                });
            using (stream)
            using (var writer = new StreamWriter(stream))
                writer.Write(json);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write the keystore {file.FullName}: {e.Message}");
        }
    }

    /// <summary>Refuses a keystore path that exists (a file or a folder): a wallet is never overwritten.</summary>
    public static void RequireNew(FileInfo file)
    {
        if (file.Exists || Directory.Exists(file.FullName)) throw new CliException($"{file.FullName} already exists; choose another --keystore path");
    }

    /// <summary>
    /// Refuses a new password that a guessing attack would find. What is asked for is said plainly: length matters
    /// most, so a passphrase of a few words passes where "Passw0rd!" does not.
    /// </summary>
    public static void RequireStrongPassword(string password)
    {
        const int MinLength = 12, MinDistinct = 6;
        if (password.Length < MinLength || password.Distinct().Count() < MinDistinct || password.Trim().Length < password.Length)
            throw new CliException($"the password is too weak: use at least {MinLength} characters, at least {MinDistinct} of them different " +
                "and no leading or trailing spaces (a passphrase of four or more words is easiest to remember)");
    }
}

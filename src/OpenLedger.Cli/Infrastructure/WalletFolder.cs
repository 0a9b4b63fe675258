namespace OpenLedger.Cli.Infrastructure;

/// <summary>
/// Where keystores live when no --keystore is given: $OPENLEDGER_WALLET_DIR, else ~/.openledger/wallets, created
/// owner-only (0700; each keystore in it is 0600). Its default.json is the wallet every signing command uses when
/// given neither --keystore nor --mnemonic-env, so a contributor creates it once with wallet new.
/// </summary>
public static class WalletFolder
{
    public const string Variable = "OPENLEDGER_WALLET_DIR";

    public const string DefaultFileName = "default.json";

    /// <summary>The folder, or null when neither OPENLEDGER_WALLET_DIR nor HOME is set.</summary>
    public static string? Find(CliConsole console) =>
        console.Environment(Variable) is { Length: > 0 } folder ? Path.GetFullPath(folder)
        : console.Environment("HOME") is { Length: > 0 } home ? Path.Combine(home, ".openledger", "wallets")
        : null;

    /// <summary>The default wallet's keystore path (it may not exist yet).</summary>
    public static FileInfo DefaultKeystore(CliConsole console) =>
        new(Path.Combine(Find(console) ?? throw CliException.Usage($"no wallet folder: set {Variable} (or HOME), or give --keystore FILE"), DefaultFileName));

    /// <summary>The keystore a signing command uses without --keystore/--mnemonic-env; a usage error naming how to create it.</summary>
    public static FileInfo RequireDefaultKeystore(CliConsole console)
    {
        var file = DefaultKeystore(console);
        return file.Exists ? file
            : throw CliException.Usage($"no signer: give --keystore FILE or --mnemonic-env VAR, or create the default wallet {file.FullName} with: openledger wallet new");
    }

    /// <summary>Creates <paramref name="folder"/> (and missing parents) readable and writable by its owner only.</summary>
    public static void Create(DirectoryInfo folder)
    {
        if (OperatingSystem.IsWindows()) folder.Create();
        else Directory.CreateDirectory(folder.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}

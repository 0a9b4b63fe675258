using System.Text.Json.Nodes;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Cli.Tests.Support;
using OpenLedger.Ethereum.Accounts;
using OpenLedger.TestSupport;

namespace OpenLedger.Cli.Tests;

/// <summary>
/// Where keys live and how they get there: the default wallet folder, passwords, unwritable and odd paths, a private key
/// given an index, crafted keystores. No chain is needed.
/// </summary>
public sealed class WalletFolderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private Dictionary<string, string> Env(string? walletDir = null, string? home = null)
    {
        var env = CliRunner.BaseEnvironment();
        if (walletDir is not null) env[WalletFolder.Variable] = walletDir;
        if (home is not null) env["HOME"] = home;
        return env;
    }

    [Fact]
    public async Task Wallet_new_without_a_keystore_writes_the_default_wallet_owner_only_and_signing_commands_use_it()
    {
        var folder = Path.Combine(_dir.Path, "nested", "wallets");
        var env = Env(walletDir: folder);
        var created = await CliRunner.RunAsync(["wallet", "new", "--password-env", CliRunner.PasswordVar, "--light-kdf", "--json"], env);
        Assert.True(created.ExitCode == 0, created.ToString());
        var keystore = Path.Combine(folder, WalletFolder.DefaultFileName);
        Assert.Equal(keystore, JsonNode.Parse(created.Out)!["keystore"]!.GetValue<string>());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keystore));
        }

        var address = await CliRunner.RunAsync(["wallet", "address", "--password-env", CliRunner.PasswordVar, "--json"], env);
        Assert.True(address.ExitCode == 0, address.ToString());
        Assert.Equal(JsonNode.Parse(created.Out)!["address"]!.GetValue<string>(), JsonNode.Parse(address.Out)!["address"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_default_wallet_folder_is_under_home_when_no_variable_names_one()
    {
        var run = await CliRunner.RunAsync(["wallet", "import", "--from-env", CliRunner.MnemonicVar, "--password-env", CliRunner.PasswordVar, "--light-kdf"], Env(home: _dir.Path));
        Assert.True(run.ExitCode == 0, run.ToString());
        var keystore = Path.Combine(_dir.Path, ".openledger", "wallets", WalletFolder.DefaultFileName);
        Assert.Equal(CliRunner.Account(0).Address, Account.FromKeystore(File.ReadAllText(keystore), CliRunner.Password).Address);
    }

    [Fact]
    public async Task Signing_with_no_signer_and_no_default_wallet_says_how_to_create_one()
    {
        var folder = Path.Combine(_dir.Path, "empty");
        var run = await CliRunner.RunAsync(["wallet", "address", "--password-env", CliRunner.PasswordVar], Env(walletDir: folder));
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal($"error: no signer: give --keystore FILE or --mnemonic-env VAR, or create the default wallet {Path.Combine(folder, WalletFolder.DefaultFileName)} with: openledger wallet new",
            run.Err.Trim());
    }

    [Fact]
    public async Task Wallet_new_says_plainly_that_the_mnemonic_is_not_kept_unless_shown()
    {
        var run = await CliRunner.RunAsync(["wallet", "new", "--keystore", _dir.File("quiet.json"), "--password-env", CliRunner.PasswordVar, "--light-kdf"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("The mnemonic was not shown and is not stored anywhere", run.Out);
        Assert.Contains("--show-mnemonic", run.Out);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("aaaaaaaaaaaaaaaa")]      // long but one letter
    [InlineData("abababab1212")]          // four different characters
    [InlineData(" padded password ")]     // leading and trailing spaces are lost in copy and paste
    public async Task A_weak_new_password_is_refused_saying_what_is_required(string password)
    {
        foreach (var verb in new[] { "new", "import" })
        {
            var env = Env();
            env["WEAK"] = password;
            var file = _dir.File($"weak-{verb}.json");
            string[] args = verb == "new"
                ? ["wallet", "new", "--keystore", file, "--password-env", "WEAK", "--light-kdf"]
                : ["wallet", "import", "--keystore", file, "--password-env", "WEAK", "--light-kdf", "--from-env", CliRunner.MnemonicVar];
            var run = await CliRunner.RunAsync(args, env);
            Assert.Equal(ExitCodes.Failure, run.ExitCode);
            Assert.Equal("error: the password is too weak: use at least 12 characters, at least 6 of them different and no leading or trailing spaces " +
                "(a passphrase of four or more words is easiest to remember)", run.Err.Trim());
            Assert.False(File.Exists(file));
        }
    }

    [Theory]
    [InlineData("/proc/x.json")]
    [InlineData("/proc/self/nonexistent/x.json")]
    public async Task Wallet_new_to_an_unwritable_path_is_one_line_naming_it(string path)
    {
        var run = await CliRunner.RunAsync(["wallet", "new", "--keystore", path, "--password-env", CliRunner.PasswordVar, "--light-kdf"]);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.StartsWith($"error: cannot write the keystore {path}: ", run.Err);
        Assert.Single(run.Err.Trim().Split('\n'));
    }

    [Fact]
    public async Task Wallet_new_onto_a_folder_is_refused()
    {
        var run = await CliRunner.RunAsync(["wallet", "new", "--keystore", _dir.Path, "--password-env", CliRunner.PasswordVar, "--light-kdf"]);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal($"error: {_dir.Path} already exists; choose another --keystore path", run.Err.Trim());
    }

    [Fact]
    public async Task Wallet_import_of_a_private_key_with_an_index_is_refused_instead_of_ignoring_the_index()
    {
        var env = Env();
        env["KEY"] = CliRunner.Account(2).PrivateKeyHex;
        var file = _dir.File("indexed.json");
        var run = await CliRunner.RunAsync(["wallet", "import", "--keystore", file, "--from-env", "KEY", "--index", "3", "--password-env", CliRunner.PasswordVar, "--light-kdf"], env);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("error: --index selects an account of a mnemonic, but the input is a private key (one account, no index): leave --index out", run.Err.Trim());
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task A_keystore_path_that_is_a_folder_is_named_as_one()
    {
        var run = await CliRunner.RunAsync(["wallet", "address", "--keystore", _dir.Path, "--password-env", CliRunner.PasswordVar]);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal($"error: the keystore {_dir.Path} is a folder, not a file", run.Err.Trim());
    }

    [Fact]
    public async Task A_report_or_test_split_that_is_a_folder_is_named_as_one()
    {
        var env = Env();
        env["TOKEN"] = "secret-token-value";
        var submit = await CliRunner.RunAsync(["epoch", "submit", _dir.Path, "--token-env", "TOKEN"], env);
        Assert.Equal(ExitCodes.Failure, submit.ExitCode);
        Assert.Equal($"error: the report {_dir.Path} is a folder, not a file", submit.Err.Trim());

        var knn = await CliRunner.RunAsync(["report", "knn", "--model", "1", "--epoch", "1", "--test", _dir.Path, "--data", _dir.Path, "--shares", "1", "--out", _dir.File("o.json")]);
        Assert.Equal(ExitCodes.Failure, knn.ExitCode);
        Assert.Equal($"error: the test split {_dir.Path} is a folder, not a file", knn.Err.Trim());
    }

    [Theory]
    [InlineData("n", 1073741824)]
    [InlineData("p", 2147483647)]
    public async Task A_crafted_keystore_is_one_line_naming_its_parameters(string field, long value)
    {
        var file = JsonNode.Parse(CliRunner.Account(0).ToKeystore(CliRunner.Password, new KeystoreOptions { ScryptN = 1024 }))!;
        file["crypto"]!["kdfparams"]![field] = value;
        var path = _dir.File("crafted.json");
        File.WriteAllText(path, file.ToJsonString());
        var run = await CliRunner.RunAsync(["wallet", "address", "--keystore", path, "--password-env", CliRunner.PasswordVar]);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.StartsWith($"error: keystore {path} is not a readable v3 keystore: The keystore's scrypt ", run.Err);
        Assert.Contains($"{field}={value}", run.Err);
        Assert.Single(run.Err.Trim().Split('\n'));
    }
}

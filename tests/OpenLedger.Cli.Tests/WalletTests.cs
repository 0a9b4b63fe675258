using System.Text.Json.Nodes;
using OpenLedger.Cli.Tests.Support;
using OpenLedger.Ethereum.Accounts;
using OpenLedger.TestSupport;

namespace OpenLedger.Cli.Tests;

public sealed class WalletTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Wallet_new_shows_the_mnemonic_once_only_when_asked_and_the_keystore_opens_to_its_first_account()
    {
        var file = _dir.File("new.json");
        var run = await CliRunner.RunAsync(["wallet", "new", "--keystore", file, "--password-env", CliRunner.PasswordVar, "--show-mnemonic", "--light-kdf", "--json"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var json = JsonNode.Parse(run.Out)!;
        var phrase = json["mnemonic"]!.GetValue<string>();
        Assert.Equal(12, phrase.Split(' ').Length);
        var account = Account.FromKeystore(File.ReadAllText(file), CliRunner.Password);
        Assert.Equal(new HdWallet(phrase).GetAccount(0).Address, account.Address);
        Assert.Equal(account.Address.ToString(), json["address"]!.GetValue<string>());

        var quiet = await CliRunner.RunAsync(["wallet", "new", "--keystore", _dir.File("quiet.json"), "--password-env", CliRunner.PasswordVar, "--light-kdf", "--json"]);
        Assert.Equal(0, quiet.ExitCode);
        Assert.DoesNotContain("mnemonic", quiet.All, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Wallet_import_of_a_mnemonic_from_an_environment_variable_keeps_the_chosen_index_and_prints_no_secret()
    {
        var file = _dir.File("imported.json");
        var run = await CliRunner.RunAsync(["wallet", "import", "--keystore", file, "--from-env", CliRunner.MnemonicVar, "--index", "3", "--password-env", CliRunner.PasswordVar, "--light-kdf"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(CliRunner.Account(3).Address, Account.FromKeystore(File.ReadAllText(file), CliRunner.Password).Address);
        Assert.Contains(CliRunner.Account(3).Address.ToString(), run.Out);
    }

    [Fact]
    public async Task Wallet_import_reads_a_private_key_from_stdin()
    {
        var file = _dir.File("key.json");
        var run = await CliRunner.RunAsync(["wallet", "import", "--keystore", file, "--password-env", CliRunner.PasswordVar, "--light-kdf"],
            stdin: CliRunner.Account(2).PrivateKeyHex + "\n");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(CliRunner.Account(2).Address, Account.FromKeystore(File.ReadAllText(file), CliRunner.Password).Address);
    }

    [Fact]
    public async Task Wallet_import_of_garbage_is_refused_without_echoing_it()
    {
        var env = CliRunner.BaseEnvironment();
        env["JUNK"] = "not a key at all";
        var run = await CliRunner.RunAsync(["wallet", "import", "--keystore", _dir.File("x.json"), "--from-env", "JUNK", "--password-env", CliRunner.PasswordVar], env);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.DoesNotContain("not a key at all", run.All);
        Assert.False(File.Exists(_dir.File("x.json")));
    }

    [Theory]
    [InlineData(0, "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")]
    [InlineData(1, "0x70997970C51812dc3A010C7d01b50e0d17dc79C8")]
    public async Task Wallet_address_derives_the_hardhat_accounts_from_the_mnemonic(int index, string expected)
    {
        var run = await CliRunner.RunAsync(["wallet", "address", "--mnemonic-env", CliRunner.MnemonicVar, "--index", index.ToString(), "--json"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(expected, JsonNode.Parse(run.Out)!["address"]!.GetValue<string>());
    }

    [Fact]
    public async Task Wallet_address_with_a_wrong_keystore_password_fails_with_one_line()
    {
        var file = _dir.File("pw.json");
        Assert.Equal(0, (await CliRunner.RunAsync(["wallet", "import", "--keystore", file, "--from-env", CliRunner.MnemonicVar, "--password-env", CliRunner.PasswordVar, "--light-kdf"])).ExitCode);
        var env = CliRunner.BaseEnvironment();
        env["WRONG"] = "not the password";
        var run = await CliRunner.RunAsync(["wallet", "address", "--keystore", file, "--password-env", "WRONG"], env);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal($"error: wrong password for keystore {file}", run.Err.Trim());
    }

    [Fact]
    public async Task Wallet_address_reads_the_password_from_piped_stdin()
    {
        var file = _dir.File("stdin.json");
        Assert.Equal(0, (await CliRunner.RunAsync(["wallet", "import", "--keystore", file, "--from-env", CliRunner.MnemonicVar, "--password-env", CliRunner.PasswordVar, "--light-kdf"])).ExitCode);
        var run = await CliRunner.RunAsync(["wallet", "address", "--keystore", file], stdin: CliRunner.Password + "\n");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(CliRunner.Account(0).Address.ToString(), run.Out);
    }

    [Fact]
    public async Task Wallet_new_refuses_to_overwrite_a_keystore()
    {
        var file = _dir.File("exists.json");
        File.WriteAllText(file, "{}");
        var run = await CliRunner.RunAsync(["wallet", "new", "--keystore", file, "--password-env", CliRunner.PasswordVar]);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal("{}", File.ReadAllText(file));
    }
}

using OpenLedger.Ethereum.Accounts;
using OpenLedger.TestSupport;

namespace OpenLedger.Cli.Tests.Support;

/// <summary>
/// Runs CliApp.RunAsync (what Program calls) with captured stdout/stderr, a given stdin and a private environment,
/// and checks after every run that no secret of the test wallets was printed.
/// </summary>
public static class CliRunner
{
    public const string MnemonicVar = "OL_TEST_MNEMONIC";
    public const string PasswordVar = "OL_TEST_PASSWORD";
    public const string Password = "correct horse battery staple";

    private static readonly HdWallet Wallet = new(HardhatNode.DefaultMnemonic);

    /// <summary>Every secret a run could leak: the mnemonic, the password, the first accounts' private keys with and without 0x.</summary>
    public static IReadOnlyList<string> Secrets { get; } =
    [
        HardhatNode.DefaultMnemonic, Password,
        .. Enumerable.Range(0, 12).Select(i => Wallet.GetAccount(i).PrivateKeyHex[2..]),
    ];

    public static Dictionary<string, string> BaseEnvironment() => new()
    {
        [MnemonicVar] = HardhatNode.DefaultMnemonic,
        [PasswordVar] = Password,
    };

    public static async Task<CliRun> RunAsync(string[] args, IReadOnlyDictionary<string, string>? environment = null, string stdin = "",
        IEnumerable<string>? extraSecrets = null, CancellationToken ct = default)
    {
        var env = environment ?? BaseEnvironment();
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(output, error, new StringReader(stdin), name => env.TryGetValue(name, out var v) ? v : null);
        var exit = await CliApp.RunAsync(args, console, ct);
        var run = new CliRun(exit, output.ToString(), error.ToString());
        foreach (var secret in Secrets.Concat(extraSecrets ?? []))
            Assert.False(run.All.Contains(secret, StringComparison.OrdinalIgnoreCase), $"a secret was printed by: openledger {string.Join(' ', args)}\n{run}");
        return run;
    }

    public static Account Account(int index) => Wallet.GetAccount(index);
}

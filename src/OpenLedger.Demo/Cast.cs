using OpenLedger.Ethereum.Accounts;

namespace OpenLedger.Demo;

/// <summary>
/// Who plays the scenario. The operators (treasury, model owner, validator, a paying user) use Hardhat's development
/// accounts, which the local node funds with ETH. The five contributors derive m/44'/60'/0'/0/0..4 from a mnemonic
/// drawn fresh for every run: they start with nothing and get OPEN (and, for three of them, ETH) from the treasury.
/// </summary>
public sealed class Cast
{
    /// <summary>Hardhat's public development mnemonic: the local node's funded accounts. Never for real funds.</summary>
    public const string DevelopmentMnemonic = "test test test test test test test test test test test junk";

    public const string DevelopmentMnemonicVariable = "OPENLEDGER_DEMO_DEV_MNEMONIC";
    public const string ContributorMnemonicVariable = "OPENLEDGER_DEMO_MNEMONIC";

    /// <summary>Index of the contributor whose shard has shifted labels.</summary>
    public const int CorruptedContributor = 4;

    private static readonly string[] ContributorNames = ["ana", "ben", "chen", "dara", "eli"];

    public Cast(Mnemonic contributorMnemonic)
    {
        var development = new HdWallet(DevelopmentMnemonic);
        Person Dev(string name, string role, int index) => new(name, role, development.GetAccount(index), DevelopmentMnemonicVariable, index);
        Treasury = Dev("treasury", "holds the OPEN supply (deployer)", 0);
        Owner = Dev("owner", "creates the model, appoints a validator", 1);
        Validator = Dev("validator", "reviews contributions, flags bad ones", 2);
        User = Dev("user", "pays to use the model", 3);

        var wallet = new HdWallet(contributorMnemonic);
        Contributors = [.. ContributorNames.Select((name, i) => new Person(name, "contributor", wallet.GetAccount(i), ContributorMnemonicVariable, i))];
        ContributorMnemonic = contributorMnemonic;
    }

    public Mnemonic ContributorMnemonic { get; }

    public Person Treasury { get; }

    public Person Owner { get; }

    public Person Validator { get; }

    public Person User { get; }

    public IReadOnlyList<Person> Contributors { get; }

    public Person Corrupted => Contributors[CorruptedContributor];

    /// <summary>The environment the commands get: both mnemonics, by variable name only.</summary>
    public void ExportTo(IDictionary<string, string> environment)
    {
        environment[DevelopmentMnemonicVariable] = DevelopmentMnemonic;
        environment[ContributorMnemonicVariable] = ContributorMnemonic.Phrase;
    }
}

using OpenLedger.Ethereum.Accounts;

namespace OpenLedger.Demo;

/// <summary>
/// Who plays the scenario. The operators (treasury, model owner, validator, a paying user) use Hardhat's development
/// accounts, which the local node funds with ETH. The seven contributors derive m/44'/60'/0'/0/0..6 from a mnemonic
/// drawn fresh for every run: they start with nothing and get OPEN (and, for five of them, ETH) from the treasury.
/// Five hold a shard of the dataset (one with shifted labels); two are attackers the attribution must not pay: fay
/// registers a near-copy of ana's shard, gus a shard of random rows.
/// </summary>
public sealed class Cast
{
    /// <summary>Hardhat's public development mnemonic: the local node's funded accounts. Never for real funds.</summary>
    public const string DevelopmentMnemonic = "test test test test test test test test test test test junk";

    public const string DevelopmentMnemonicVariable = "OPENLEDGER_DEMO_DEV_MNEMONIC";
    public const string ContributorMnemonicVariable = "OPENLEDGER_DEMO_MNEMONIC";

    /// <summary>Index of the contributor whose shard has shifted labels.</summary>
    public const int CorruptedContributor = 4;

    /// <summary>How many contributors hold a shard of the dataset (the first ones); the rest are the attackers.</summary>
    public const int ShardHolders = 5;

    /// <summary>Index of the contributor who registers a near-copy of <see cref="CopiedContributor"/>'s shard.</summary>
    public const int CopierContributor = 5;

    public const int CopiedContributor = 0;

    /// <summary>Index of the contributor who registers random rows.</summary>
    public const int JunkContributor = 6;

    private static readonly string[] ContributorNames = ["ana", "ben", "chen", "dara", "eli", "fay", "gus"];

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

    public Person Copier => Contributors[CopierContributor];

    public Person Copied => Contributors[CopiedContributor];

    public Person Junk => Contributors[JunkContributor];

    public static ContributorPart PartOf(Person contributor) => contributor.Index switch
    {
        CorruptedContributor => ContributorPart.Corrupted,
        CopierContributor => ContributorPart.Copier,
        JunkContributor => ContributorPart.Junk,
        _ => ContributorPart.Honest,
    };

    /// <summary>The environment the commands get: both mnemonics, by variable name only.</summary>
    public void ExportTo(IDictionary<string, string> environment)
    {
        environment[DevelopmentMnemonicVariable] = DevelopmentMnemonic;
        environment[ContributorMnemonicVariable] = ContributorMnemonic.Phrase;
    }
}

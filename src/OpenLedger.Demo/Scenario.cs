using System.Numerics;
using OpenLedger.Training.Datasets;
using OpenLedger.Cli.Infrastructure;

namespace OpenLedger.Demo;

/// <summary>
/// One model's life, played through the openledger command by the people of <see cref="Cast"/>: the owner seals a test
/// split drawn from a secret, five contributors register shards of a real dataset (one with shifted labels, one exact copy refused) and two attackers a near-copy and junk, users pay revenue, a k-NN model is
/// evaluated on a held-out split into the epoch's performance report, the node posts it, contributors claim OPEN and
/// shares, holders withdraw later revenue, the bad shard is flagged and slashed, and anyone can verify the epoch.
/// </summary>
public sealed partial class Scenario(DemoSettings settings, Cast cast, OpenLedgerCommand openledger, LocalChain chain, NodeApi node, Narrator narrator)
{
    public const ulong Epoch = 1;
    public static readonly BigInteger Bond = 10;
    public static readonly BigInteger FirstRevenue = 1_000;
    public static readonly BigInteger SecondRevenue = 2_000;
    public const string EpochShares = "1000";
    public const uint DisputeWindow = 86_400;

    private readonly Dictionary<Person, DemoShard> _shards = [];
    private readonly Dictionary<Person, string> _registeredHow = [];
    private readonly List<string> _flagged = [];
    private string _modelId = "";
    private PreparedDemo _data = null!;

    public string ShardDirectory => Path.Combine(settings.WorkDirectory, "shards");

    public string ReportFile => Path.Combine(settings.WorkDirectory, $"report-epoch-{Epoch}.json");

    public async Task<DemoOutcome> PlayAsync()
    {
        await CreateModelAsync();
        PrepareData();
        await SealEvaluationAsync();
        await FundAsync();
        await RegisterAsync();
        await RefuseCopyAsync();
        await PayRevenueAsync(FirstRevenue, "before any share exists: the holders' cut joins the reward pool");
        var submitted = await EvaluateAndSubmitAsync();
        await FlagAsync();
        await PassWindowsAsync();
        await ClaimAsync();
        await PayRevenueAsync(SecondRevenue, "contributors now hold shares: 70% goes to them");
        await WithdrawRevenueAsync();
        await SlashAsync();
        var verified = await VerifyAsync();
        return new DemoOutcome(_modelId, submitted, verified, _registeredHow, _flagged, await ReadEvaluationSealAsync());
    }

    private async Task CreateModelAsync()
    {
        narrator.Chapter("A model owner creates a model and appoints a validator");
        await openledger.RunAsync(["model", "create", "--metadata-uri", "ipfs://openledger-demo/wine-knn",
            "--min-bond", Bond.ToString(), "--bond-lock", "604800", "--dispute-window", DisputeWindow.ToString(),
            "--owner-bps", "1000", "--pool-bps", "2000", .. cast.Owner.Signer]);
        _modelId = (await chain.Read.Registry.ModelCountAsync()).ToString();
        await openledger.RunAsync(["validator", "add", "--model", _modelId, "--address", cast.Validator.Address.ToString(), .. cast.Owner.Signer]);
    }

    private void PrepareData()
    {
        narrator.Chapter("Five contributors each hold a shard of the Wine dataset (UCI; see data/README.md); two more try to earn without data of their own");
        _data = DemoDataset.Prepare(File.ReadAllText(settings.DatasetFile), Cast.ShardHolders, Cast.CorruptedContributor, settings.Seed,
            splitSeed: EvaluationSecret.SplitSeed(EvaluationSecret.Create(SecretFile)));
        foreach (var (person, shard) in cast.Contributors.Zip(_data.Shards)) _shards[person] = shard;
        // The attackers work from what is public: the shards registered before them (their files are published).
        var published = _data.Split.Train;
        _shards[cast.Copier] = DemoAttacks.NearCopy(_shards[cast.Copied], published, Cast.CopierContributor, settings.Seed + Cast.CopierContributor);
        _shards[cast.Junk] = DemoAttacks.Junk(published, Cast.JunkContributor, _shards[cast.Copied].Rows.Count, settings.Seed + Cast.JunkContributor);
        Directory.CreateDirectory(ShardDirectory);
        foreach (var person in cast.Contributors) File.WriteAllBytes(ShardFile(person), _shards[person].Bytes);
        File.WriteAllBytes(TestFile, _data.TestBytes);
        var d = _data.Dataset;
        narrator.Say($"{d.Count} wines, {d.Features} features, {d.ClassNames.Count} cultivars; {_data.Test.Count} held out for evaluation ({Path.GetFileName(TestFile)}), " +
            $"drawn with a secret made for this run ({Path.GetFileName(SecretFile)}, never printed): the public seed {settings.Seed} deals the shards but cannot rebuild the test rows");
        foreach (var person in cast.Contributors)
        {
            var shard = _shards[person];
            var note = Cast.PartOf(person) switch
            {
                ContributorPart.Corrupted => $", labels of {shard.CorruptedRows.Length} rows shifted to the next cultivar (bad data)",
                ContributorPart.Copier => $": {cast.Copied.Name}'s rows re-ordered, each feature moved by up to {DemoAttacks.CopyNoise:0.###%} of its spread (new bytes, new content hash)",
                ContributorPart.Junk => ": random features in the published range, random labels (junk)",
                _ => "",
            };
            narrator.Say($"{person.Name,-5} {person.Address}  {Path.GetFileName(ShardFile(person))}: {shard.Rows.Count} rows{note}");
        }
        narrator.Say($"the contributors' wallets come from a mnemonic drawn for this run (in ${Cast.ContributorMnemonicVariable}, never printed)");
    }

    private async Task FundAsync()
    {
        narrator.Chapter("The treasury gives each contributor 100 OPEN; chen and dara get no ETH at all");
        var eth = BigInteger.Pow(10, 17);
        foreach (var person in cast.Contributors)
        {
            var gasless = IsGasless(person);
            await chain.FundAsync(cast.Treasury, person, 100 * LocalChain.Open, gasless ? 0 : eth);
            narrator.Say($"{person.Name,-5} 100 OPEN, {(gasless ? "0 ETH (will register gaslessly)" : "0.1 ETH")}");
        }
        await chain.FundAsync(cast.Treasury, cast.User, (FirstRevenue + SecondRevenue) * LocalChain.Open, 0);
        narrator.Say($"user  {FirstRevenue + SecondRevenue} OPEN to pay for the model");
    }

    private static bool IsGasless(Person person) => person.Index is 2 or 3;

    internal string ShardFile(Person person) => Path.Combine(ShardDirectory, $"wine-shard-{person.Index + 1}.csv");

    internal string TestFile => Path.Combine(settings.WorkDirectory, "wine-test.csv");

    internal string SecretFile => Path.Combine(settings.WorkDirectory, "evaluation-secret");

    internal static string Format(BigInteger wei) => Amounts.Format(wei);
}

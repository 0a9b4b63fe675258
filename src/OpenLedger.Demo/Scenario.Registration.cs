namespace OpenLedger.Demo;

public sealed partial class Scenario
{
    private async Task RegisterAsync()
    {
        narrator.Chapter("The contributors register their shards, each a different way");
        foreach (var person in cast.Contributors)
        {
            string[] how = person.Index switch
            {
                1 => ["--commit-reveal"],
                2 or 3 => ["--gasless"],
                _ => [],
            };
            _registeredHow[person] = how.Length == 0 ? "direct, bond by permit" : how[0] == "--gasless" ? "gasless, through the relay" : "commit, then reveal";
            narrator.Say($"{person.Name}: {_registeredHow[person]}");
            await openledger.RunAsync(["contribute", "--model", _modelId, "--file", ShardFile(person), "--kind", "data",
                "--uri", $"ipfs://openledger-demo/{Path.GetFileName(ShardFile(person))}", "--bond", Bond.ToString(), .. how, .. person.Signer]);
        }
        foreach (var person in cast.Contributors.Where(IsGasless))
        {
            var eth = await chain.EthBalanceAsync(person.Address);
            if (!eth.IsZero) throw new DemoFailure($"{person.Name} registered gaslessly but now holds {eth} wei of ETH");
            narrator.Say($"{person.Name} still holds 0 ETH: the relay paid the gas, the bond came from {person.Name}'s OPEN by permit");
        }
    }

    private async Task RefuseCopyAsync()
    {
        var copier = cast.Contributors[1];
        var original = cast.Contributors[0];
        narrator.Chapter($"{copier.Name} tries to register {original.Name}'s shard as their own");
        var refused = await openledger.RunRefusedAsync(["contribute", "--model", _modelId, "--file", ShardFile(original), "--kind", "data",
            "--bond", Bond.ToString(), .. copier.Signer]);
        if (!refused.Error.Contains("already registered", StringComparison.OrdinalIgnoreCase))
            throw new DemoFailure($"the copy was refused for another reason than duplicate content: {refused.Error.Trim()}");
        narrator.Say("refused before anything was sent: the registry keys contributions by content, the first registration stands");
    }
}

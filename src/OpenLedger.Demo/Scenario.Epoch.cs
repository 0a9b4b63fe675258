using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Demo;

public sealed partial class Scenario
{
    private async Task<bool> EvaluateAndSubmitAsync()
    {
        narrator.Chapter("The model owner evaluates k-NN on the held-out split and writes epoch 1's performance report");
        narrator.Say("the report's evidence is the registered shards themselves: every row an item valued by neighbour credit, every held-out row a test point");
        await chain.WaitForIndexAsync();
        await openledger.RunAsync(["report", "knn", "--model", _modelId, "--epoch", Epoch.ToString(CultureInfo.InvariantCulture),
            "--test", TestFile, "--data", ShardDirectory, "--k", "5", "--shares", EpochShares, "--out", ReportFile]);

        narrator.Chapter("The node checks the report against its index and the chain, then posts the epoch");
        await openledger.RunAsync(["epoch", "submit", ReportFile, "--token-env", settings.ApiTokenVariable]);
        await chain.WaitForIndexAsync();
        // Posted means the chain holds this very report's hash for the epoch, whatever the command printed.
        var onChain = await chain.Read.Distributor.EpochAsync(BigInteger.Parse(_modelId, CultureInfo.InvariantCulture), Epoch);
        var posted = onChain.ReportHash == Keccak.Hash(await File.ReadAllBytesAsync(ReportFile));
        var indexed = (await node.GetAllAsync($"models/{_modelId}/epochs", default))!.Single(e => e["epoch"]!["epoch"]!.GetValue<long>() == (long)Epoch);
        var challengeEnds = DateTimeOffset.FromUnixTimeSeconds(indexed["epoch"]!["challengeEndsAt"]!.GetValue<long>());
        narrator.Say($"indexed by the node: epoch {Epoch} is {indexed["status"]!.GetValue<string>()} until {challengeEnds:yyyy-MM-dd HH:mm} UTC (chain time); the report and distribution are served at /models/{_modelId}/epochs/{Epoch}/report and /distribution");
        return posted;
    }

    /// <summary>The validator flags what the epoch's attribution marked as a flag candidate (value under the threshold).</summary>
    private async Task FlagAsync()
    {
        narrator.Chapter("The validator reads the epoch's attribution and flags what it marked as harmful");
        var report = (await node.GetAsync($"models/{_modelId}/epochs/{Epoch}/report", default))!;
        var distribution = (await node.GetAsync($"models/{_modelId}/epochs/{Epoch}/distribution", default))!;
        var values = distribution["contributions"]!.AsArray().ToDictionary(c => c!["id"]!.GetValue<string>(), c => c!["value"]!.GetValue<double>());
        // The epoch distribution lists flag candidates by contribution id (decimal, as the report does) with their reason.
        var candidates = distribution["flagCandidates"]!.AsArray().ToDictionary(c => c!["id"]!.GetValue<string>(), c => c!["reason"]!.GetValue<string>());
        if (candidates.Count == 0) throw new DemoFailure("the epoch's attribution marked no contribution as a flag candidate");
        foreach (var contribution in report["contributions"]!.AsArray().Where(c => candidates.ContainsKey(c!["id"]!.GetValue<string>())))
        {
            var id = contribution!["id"]!.GetValue<string>();
            var contentHash = contribution["contentHash"]!.GetValue<string>();
            var who = cast.Contributors.FirstOrDefault(p => string.Equals(p.Address.ToString(), contribution["contributor"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase));
            var value = values[id].ToString("0.####", CultureInfo.InvariantCulture);
            narrator.Say($"{who?.Name ?? contribution["contributor"]!.GetValue<string>()}'s shard {contentHash[..10]}…: neighbour-credit value {value}; {candidates[id]}");
            await openledger.RunAsync(["flag", "--model", _modelId, "--content-hash", contentHash,
                "--reason", $"epoch {Epoch} attribution (neighbour-credit, value {value}): {candidates[id]}", .. cast.Validator.Signer]);
            _flagged.Add(contentHash);
        }
    }

    private async Task PassWindowsAsync()
    {
        var challenge = await chain.Read.Distributor.ChallengeWindowAsync();
        var seconds = Math.Max(challenge, DisputeWindow) + 1;
        narrator.Chapter($"Time passes on the local node: {seconds / 3600.0:0.#} hours (the epoch's challenge window and the flag's dispute window)");
        await chain.AdvanceTimeAsync(seconds);
        await chain.WaitForIndexAsync();
        narrator.Say("nobody vetoed epoch 1 and nobody answered the flag");
    }

    private async Task ClaimAsync()
    {
        narrator.Chapter("Contributors claim their OPEN and model shares with the node's Merkle proofs");
        foreach (var person in cast.Contributors.Where(IsGasless))
        {
            // The relay sends registrations only: claiming and withdrawing are the holder's own transactions.
            await chain.FundAsync(cast.Treasury, person, 0, BigInteger.Pow(10, 16));
            narrator.Say($"{person.Name} receives 0.01 ETH from the treasury to send claims and withdrawals (the relay covers registrations only)");
        }
        var distribution = (await node.GetAsync($"models/{_modelId}/epochs/{Epoch}/distribution", default))!;
        var leaves = distribution["leaves"]!.AsArray().Select(l => l!["account"]!.GetValue<string>()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var person in cast.Contributors)
        {
            if (leaves.Contains(person.Address.ToString()))
                await openledger.RunAsync(["claim", "--model", _modelId, "--all", .. person.Signer]);
            else
            {
                await openledger.RunRefusedAsync(["claim", "--model", _modelId, "--all", .. person.Signer]);
                narrator.Say($"{person.Name} has no leaf in epoch {Epoch}: nothing to claim");
            }
        }
        await chain.WaitForIndexAsync();
    }

    private async Task SlashAsync()
    {
        narrator.Chapter("The dispute window is over: the flagged bond is slashed into the model's reward pool");
        foreach (var contentHash in _flagged)
        {
            var before = await chain.Read.Distributor.RewardPoolAsync(BigInteger.Parse(_modelId, CultureInfo.InvariantCulture));
            await openledger.RunAsync(["slash", "--model", _modelId, "--content-hash", contentHash, .. cast.Validator.Signer]);
            var after = await chain.Read.Distributor.RewardPoolAsync(BigInteger.Parse(_modelId, CultureInfo.InvariantCulture));
            narrator.Say($"reward pool {Format(before)} → {Format(after)} OPEN, for the next epoch's contributors");
        }
        await chain.WaitForIndexAsync();
    }

    private async Task<bool> VerifyAsync()
    {
        narrator.Chapter("Anyone can recompute epoch 1 from its published report");
        var run = await openledger.RunAsync(["epoch", "verify", "--model", _modelId, "--epoch", Epoch.ToString(CultureInfo.InvariantCulture)]);
        return run.ExitCode == 0 && run.Output.Contains("verifies", StringComparison.Ordinal);
    }
}

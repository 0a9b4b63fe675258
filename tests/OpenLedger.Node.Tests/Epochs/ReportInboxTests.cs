using System.Numerics;
using OpenLedger.Contracts.Distributor;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Node.Tests.Epochs.Support;

namespace OpenLedger.Node.Tests.Epochs;

[Collection(EpochChainCollection.Name)]
public sealed class ReportInboxTests(EpochChain chain)
{
    private static async Task WaitForFileAsync(string path)
    {
        for (var i = 0; i < 1200 && !File.Exists(path); i++) await Task.Delay(50);
        Assert.True(File.Exists(path), $"{path} did not appear within 60 s");
    }

    [Fact]
    public async Task Report_renamed_into_the_inbox_is_posted_indexed_and_claimable_with_the_served_proofs()
    {
        var model = await chain.NewModelAsync([2, 3], 50 * EpochChain.Ether);
        var contributions = await chain.ContributionsAsync(model);
        var report = ReportJson.Bytes(ReportJson.Build(model, 1, contributions, c => c == contributions[0] ? 2.0 : 1.0, 20 * EpochChain.Ether, 10));
        var name = $"model-{model}-epoch-1.json";
        // Written under a name the watcher ignores, then renamed: the watcher never sees half a report.
        var temp = Path.Combine(chain.Inbox, name + ".tmp");
        await File.WriteAllBytesAsync(temp, report);
        File.Move(temp, Path.Combine(chain.Inbox, name));

        await WaitForFileAsync(Path.Combine(chain.Inbox, "processed", name));
        var epoch = await chain.Reads.Distributor.EpochAsync(model, 1);
        Assert.Equal(EpochStatus.Posted, epoch.Status);
        Assert.Equal(Keccak.Hash(report), epoch.ReportHash);
        Assert.False(File.Exists(Path.Combine(chain.Inbox, name)));

        await chain.WaitForIndexAsync();
        var (open, shares) = await chain.ClaimAllAsync(model, 1, contributions.Select(c => c.Contributor));
        Assert.Equal(epoch.TotalOpen, open);
        Assert.Equal(epoch.TotalShares, shares);
        Assert.Equal(20 * EpochChain.Ether, open);
    }

    [Fact]
    public async Task Rejected_inbox_report_moves_to_rejected_with_the_problems_and_nothing_is_posted()
    {
        var model = await chain.NewModelAsync([2], 1 * EpochChain.Ether);
        var report = ReportJson.Bytes(ReportJson.Build(model, 1, await chain.ContributionsAsync(model), _ => 2.0, 20 * EpochChain.Ether, 10));
        var name = $"model-{model}-too-big.json";
        var temp = Path.Combine(chain.Inbox, name + ".tmp");
        await File.WriteAllBytesAsync(temp, report);
        File.Move(temp, Path.Combine(chain.Inbox, name));

        var problems = Path.Combine(chain.Inbox, "rejected", name + ".problems.txt");
        await WaitForFileAsync(problems);
        var text = await File.ReadAllTextAsync(problems);
        Assert.Contains($"rewards.open: the budget {20 * EpochChain.Ether} exceeds model {model}'s reward pool {EpochChain.Ether} on chain", text);
        Assert.Equal(BigInteger.Zero, await chain.LastEpochAsync(model));
        Assert.Contains(chain.Logs.Lines, l => l.Contains($"Report from inbox file {name} Rejected: rewards.open:"));
    }
}

using OpenLedger.Ethereum.Rpc;
using OpenLedger.Node.Tests.Support;

namespace OpenLedger.Node.Tests;

[Collection(LoadedNodeCollection.Name)]
public sealed class EpochsApiTests(LoadedNode node)
{
    [Fact]
    public async Task Epochs_show_what_postEpoch_sent_and_the_claims_made()
    {
        var list = await node.Client.GetJsonAsync("/models/2/epochs");
        var items = list["items"]!.AsArray();
        Assert.Equal(2, items.Count);
        var one = items[0]!;
        Assert.Equal("claimable", one["status"]!.GetValue<string>()); // the script moved time past its window
        Assert.Equal(HttpJson.Ether(10 + 11 + 12 + 13 + 14), one["epoch"]!["totalOpen"]!.GetValue<string>());
        Assert.Equal(HttpJson.Ether(100 + 101 + 102 + 103 + 104), one["epoch"]!["totalShares"]!.GetValue<string>());
        Assert.Equal("ipfs://load/report-1", one["epoch"]!["reportUri"]!.GetValue<string>());
        Assert.Equal(LoadedNode.LoadHash("report-1"), one["epoch"]!["reportHash"]!.GetValue<string>());
        Assert.Equal(4, one["epoch"]!["claimCount"]!.GetValue<long>());
        Assert.Equal(HttpJson.Ether(10 + 11 + 12 + 13), one["epoch"]!["claimedOpen"]!.GetValue<string>());
        // Epoch 2 was vetoed and posted again: the re-posting is what stands.
        Assert.Equal("ipfs://load/report-2b", items[1]!["epoch"]!["reportUri"]!.GetValue<string>());
        Assert.Empty((await node.Client.GetJsonAsync("/models/1/epochs"))["items"]!.AsArray());
    }

    [Fact]
    public async Task Epoch_status_is_judged_at_the_cursor_block_time_and_turns_claimable_when_the_window_ends()
    {
        var list = await node.Client.GetJsonAsync("/models/2/epochs");
        var status = await node.Client.GetJsonAsync("/status");
        var cursorTime = await node.TimestampAsync(status["cursor"]!.GetValue<long>());
        var chainTime = list["chainTime"]!.GetValue<long>();
        Assert.True(chainTime >= cursorTime, $"chain time {chainTime} is before the cursor's block time {cursorTime}");
        var two = list["items"]![1]!;
        var endsAt = two["epoch"]!["challengeEndsAt"]!.GetValue<long>();
        Assert.Equal(chainTime < endsAt ? "challengeable" : "claimable", two["status"]!.GetValue<string>());

        await node.Rpc.IncreaseTimeAsync(3_600);
        await node.Rpc.MineAsync();
        await node.WaitForCursorAsync((long)await node.Rpc.GetBlockNumberAsync());
        var later = await node.Client.GetJsonAsync("/models/2/epochs");
        Assert.Equal("claimable", later["items"]![1]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Proof_of_an_epoch_without_a_stored_distribution_is_a_404_that_says_so()
    {
        var problem = await node.Client.GetJsonAsync($"/models/2/epochs/1/proofs/{node.Accounts[5]}", System.Net.HttpStatusCode.NotFound);
        Assert.Equal("this node has no distribution for model 2 epoch 1", problem["detail"]!.GetValue<string>());
        var unposted = await node.Client.GetJsonAsync($"/models/2/epochs/9/proofs/{node.Accounts[5]}", System.Net.HttpStatusCode.NotFound);
        Assert.Equal("model 2 has no epoch 9 posted", unposted["detail"]!.GetValue<string>());
    }
}

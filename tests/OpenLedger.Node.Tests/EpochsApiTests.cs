using OpenLedger.Ethereum.Primitives;
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
    public async Task Each_epoch_carries_the_evaluation_set_sealed_for_it_and_the_route_serves_it_with_block_and_transaction()
    {
        var items = (await node.Client.GetJsonAsync("/models/2/epochs"))["items"]!.AsArray();
        Assert.Equal([LoadedNode.LoadHash("test-set-1"), LoadedNode.LoadHash("test-set-2")],
            items.Select(i => i!["evaluation"]!["testSetHash"]!.GetValue<string>()));

        var sealedSet = await node.Client.GetJsonAsync("/models/2/epochs/2/evaluation");
        Assert.Equal((2L, 2L, LoadedNode.LoadHash("test-set-2")),
            (sealedSet["modelId"]!.GetValue<long>(), sealedSet["epoch"]!.GetValue<long>(), sealedSet["testSetHash"]!.GetValue<string>()));
        // The block and transaction are the commitment's own, as the chain's receipt tells them.
        var receipt = await node.Rpc.GetTransactionReceiptAsync(Hash32.Parse(sealedSet["txHash"]!.GetValue<string>()));
        Assert.Equal((long)receipt!.BlockNumber, sealedSet["committedBlock"]!.GetValue<long>());
        Assert.True(sealedSet["committedBlock"]!.GetValue<long>() < items[1]!["epoch"]!["postedBlock"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("/models/2/epochs/3/evaluation", "model 2 has no evaluation set committed for epoch 3 (indexed up to block ")]
    [InlineData("/models/1/epochs/1/evaluation", "model 1 has no evaluation set committed for epoch 1 (indexed up to block ")]
    [InlineData("/models/2/epochs/99999999999999999999999/evaluation", "model 2 has no evaluation set committed for epoch 99999999999999999999999")]
    [InlineData("/models/77/epochs/1/evaluation", "no model 77 is indexed")]
    public async Task Evaluation_of_an_epoch_without_a_commitment_is_a_404_problem(string url, string detail)
    {
        using var response = await node.Client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.StartsWith(detail, problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Evaluation_with_a_malformed_epoch_is_a_400_naming_it()
    {
        var problem = await node.Client.GetJsonAsync("/models/2/epochs/two/evaluation", System.Net.HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("epoch"), problem.ToJsonString());
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

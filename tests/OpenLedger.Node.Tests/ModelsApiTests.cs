using OpenLedger.Node.Tests.Support;

namespace OpenLedger.Node.Tests;

[Collection(LoadedNodeCollection.Name)]
public sealed class ModelsApiTests(LoadedNode node)
{
    [Fact]
    public async Task Models_are_listed_with_the_owner_uri_and_current_policy_sent_on_chain()
    {
        var page = await node.Client.GetJsonAsync("/models");
        var models = page["items"]!.AsArray();
        Assert.Equal(2, models.Count);
        Assert.Null(page["next"]);
        Assert.Equal(1, models[0]!["modelId"]!.GetValue<long>());
        Assert.Equal(node.Accounts[1], models[0]!["owner"]!.GetValue<string>());
        Assert.Equal("ipfs://load/model-1", models[0]!["metadataUri"]!.GetValue<string>());
        var two = models[1]!;
        Assert.Equal("ipfs://load/model-2", two["metadataUri"]!.GetValue<string>());
        Assert.Equal(HttpJson.Ether(1), two["minBond"]!.GetValue<string>());
        Assert.Equal(3600, two["bondLock"]!.GetValue<long>());
        Assert.Equal(600, two["disputeWindow"]!.GetValue<long>());
        Assert.Equal(500, two["ownerBps"]!.GetValue<int>());
        Assert.Equal(2000, two["poolBps"]!.GetValue<int>());
        Assert.False(two["commitReveal"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Model_detail_lists_only_validators_still_allowed()
    {
        var detail = await node.Client.GetJsonAsync("/models/2");
        Assert.Equal(2, detail["model"]!["modelId"]!.GetValue<long>());
        Assert.Equal([node.Accounts[2]], detail["validators"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public async Task Models_walk_one_per_page_with_a_next_link_until_the_last()
    {
        var first = await node.Client.GetJsonAsync("/models?limit=1");
        Assert.Equal(1, first["items"]![0]!["modelId"]!.GetValue<long>());
        var link = first["nextLink"]!.GetValue<string>();
        Assert.StartsWith("/models?", link);
        var second = await node.Client.GetJsonAsync(link);
        Assert.Equal(2, second["items"]![0]!["modelId"]!.GetValue<long>());
        // Fetching limit + 1 rows tells the last page apart without an empty page after it.
        Assert.Null(second["next"]);
        Assert.Null(second["nextLink"]);
    }
}

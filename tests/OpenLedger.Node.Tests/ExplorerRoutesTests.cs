using OpenLedger.Ethereum.Primitives;
using OpenLedger.Node.Tests.Support;
using System.Net;

namespace OpenLedger.Node.Tests;

/// <summary>The routes the explorer reads besides the resource lists: contracts and errors, a model's revenue and holders.</summary>
[Collection(LoadedNodeCollection.Name)]
public sealed class ExplorerRoutesTests(LoadedNode node)
{
    private string Contributor(int i) => node.Accounts[5 + i];

    [Fact]
    public async Task Contracts_name_the_chain_the_checksummed_addresses_the_token_and_every_custom_error()
    {
        var contracts = await node.Client.GetJsonAsync("/contracts");
        Assert.Equal(31337UL, contracts["chainId"]!.GetValue<ulong>());
        Assert.Equal(Address.Parse(node.DeploymentAddress("RewardDistributor")).ToChecksumString(), contracts["rewardDistributor"]!.GetValue<string>());
        Assert.Equal(Address.Parse(node.DeploymentAddress("ModelShares")).ToChecksumString(), contracts["modelShares"]!.GetValue<string>());
        Assert.Equal("OPEN", contracts["token"]!["symbol"]!.GetValue<string>());
        Assert.Equal(18, contracts["token"]!["decimals"]!.GetValue<int>());
        var error = contracts["errors"]!.AsArray().Single(e => e!["name"]!.GetValue<string>() == "DistributorChallengeWindowOpen")!;
        Assert.Equal("DistributorChallengeWindowOpen(uint256,uint256,uint64)", error["signature"]!.GetValue<string>());
        Assert.Equal(Keccak.Hash("DistributorChallengeWindowOpen(uint256,uint256,uint64)").ToString()[..10], error["selector"]!.GetValue<string>());
        Assert.Equal(["modelId", "epoch", "endsAt"], error["inputs"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Model_revenue_sums_the_deposits_and_their_split()
    {
        var revenue = await node.Client.GetJsonAsync("/models/2/revenue");
        Assert.Equal(HttpJson.Ether(1300), revenue["deposited"]!.GetValue<string>());
        Assert.Equal(2, revenue["depositCount"]!.GetValue<long>());
        var parts = new[] { "toOwner", "toRewardPool", "toHolders" }.Select(k => System.Numerics.BigInteger.Parse(revenue[k]!.GetValue<string>()));
        Assert.Equal(System.Numerics.BigInteger.Parse(HttpJson.Ether(1300)), parts.Aggregate(System.Numerics.BigInteger.Add));
    }

    [Fact]
    public async Task Model_holders_are_listed_largest_first_without_empty_balances()
    {
        var holders = (await node.Client.GetJsonAsync("/models/2/holders")).AsArray();
        Assert.Equal([Contributor(1), Contributor(3), Contributor(2), Contributor(0), node.Accounts[3]],
            holders.Select(h => h!["account"]!.GetValue<string>()));
        Assert.Equal(HttpJson.Ether(140), holders[0]!["balance"]!.GetValue<string>());
    }

    [Fact]
    public async Task Flags_list_each_flag_and_dismissal_with_the_validators_reason()
    {
        var dismissed = OpenLedger.Indexer.Decoding.ContributionIds.Of(2, Hash32.Parse(LoadedNode.LoadHash("life-0")));
        var flags = (await node.Client.GetJsonAsync($"/contributions/{dismissed}/flags")).AsArray();
        Assert.Equal(["flagged", "dismissed"], flags.Select(f => f!["action"]!.GetValue<string>()));
        Assert.Equal("duplicate of a public set", flags[0]!["reason"]!.GetValue<string>());
        Assert.Equal(node.Accounts[2], flags[0]!["actor"]!.GetValue<string>());
        var slashed = OpenLedger.Indexer.Decoding.ContributionIds.Of(2, Hash32.Parse(LoadedNode.LoadHash("life-1")));
        var flag = Assert.Single((await node.Client.GetJsonAsync($"/contributions/{slashed}/flags")).AsArray())!;
        Assert.Equal("labels do not match", flag["reason"]!.GetValue<string>());
        var unflagged = OpenLedger.Indexer.Decoding.ContributionIds.Of(2, Hash32.Parse(LoadedNode.LoadHash("life-2")));
        Assert.Empty((await node.Client.GetJsonAsync($"/contributions/{unflagged}/flags")).AsArray());
    }

    [Theory]
    [InlineData("/contributions/0x12/flags", HttpStatusCode.BadRequest, "id must be 0x followed by 64 hex digits")]
    [InlineData("/contributions/0x00000000000000000000000000000000000000000000000000000000000000ab/flags", HttpStatusCode.NotFound, "no contribution 0x00")]
    [InlineData("/models/abc/revenue", HttpStatusCode.BadRequest, "modelId must be a non-negative decimal integer")]
    [InlineData("/models/9/holders", HttpStatusCode.NotFound, "no model 9 is indexed")]
    [InlineData("/models/9/revenue", HttpStatusCode.NotFound, "no model 9 is indexed")]
    public async Task Bad_or_unknown_models_are_answered_with_problem_details(string url, HttpStatusCode status, string expected)
    {
        var problem = await node.Client.GetJsonAsync(url, status);
        Assert.Contains(expected, problem["detail"]!.GetValue<string>());
    }
}

using OpenLedger.Node.Tests.Support;

namespace OpenLedger.Node.Tests;

/// <summary>Accounts of the load script's lifecycle: contributors are signers 5..9, the depositing user signer 3.</summary>
[Collection(LoadedNodeCollection.Name)]
public sealed class AccountsApiTests(LoadedNode node)
{
    private string Contributor(int i) => node.Accounts[5 + i];

    [Fact]
    public async Task Shares_reflect_claims_and_transfers()
    {
        // Claims minted 100+i shares to contributors 0..3; then 40 moved 0 -> 1 and 1 moved 1 -> user.
        async Task<string> Balance(string account) =>
            (await node.Client.GetJsonAsync($"/accounts/{account}/shares")).AsArray().Single(b => b!["modelId"]!.GetValue<long>() == 2)!["balance"]!.GetValue<string>();
        Assert.Equal(HttpJson.Ether(60), await Balance(Contributor(0)));
        Assert.Equal(HttpJson.Ether(140), await Balance(Contributor(1)));
        Assert.Equal(HttpJson.Ether(102), await Balance(Contributor(2)));
        Assert.Equal(HttpJson.Ether(1), await Balance(node.Accounts[3]));
        Assert.Empty((await node.Client.GetJsonAsync($"/accounts/{Contributor(4)}/shares")).AsArray());
    }

    [Fact]
    public async Task Claims_show_the_leaf_amounts_that_were_paid()
    {
        for (var i = 0; i < 4; i++)
        {
            var claims = await node.Client.WalkAsync($"/accounts/{Contributor(i)}/claims");
            var claim = Assert.Single(claims);
            Assert.Equal(2, claim["modelId"]!.GetValue<long>());
            Assert.Equal(1, claim["epoch"]!.GetValue<long>());
            Assert.Equal(i, claim["leafIndex"]!.GetValue<long>());
            Assert.Equal(HttpJson.Ether(10 + i), claim["openAmount"]!.GetValue<string>());
            Assert.Equal(HttpJson.Ether(100 + i), claim["shareAmount"]!.GetValue<string>());
        }
        Assert.Empty(await node.Client.WalkAsync($"/accounts/{Contributor(4)}/claims"));
    }

    [Fact]
    public async Task Bonds_list_only_bonded_contributions_with_what_remains()
    {
        var bonds = await node.Client.WalkAsync($"/accounts/{Contributor(1)}/bonds");
        var bond = Assert.Single(bonds); // contributor 1 also sent zero-bond bulk batches, which are not bonds
        Assert.Equal("ipfs://load/life-1", bond["uri"]!.GetValue<string>());
        Assert.Equal(HttpJson.Ether(2), bond["bond"]!.GetValue<string>());
        Assert.Equal("0", bond["currentBond"]!.GetValue<string>());
        Assert.Equal("slashed", bond["status"]!.GetValue<string>());
        // Contributor 3's registration of "life-taken" was superseded by contributor 0's reveal: its bond was forfeited.
        var three = await node.Client.WalkAsync($"/accounts/{Contributor(3)}/bonds");
        Assert.Equal([("ipfs://load/life-3", "active"), ("ipfs://load/life-taken", "superseded")],
            three.Select(b => (b["uri"]!.GetValue<string>(), b["status"]!.GetValue<string>())));
        var four = await node.Client.WalkAsync($"/accounts/{Contributor(4)}/bonds");
        Assert.Equal(["ipfs://load/life-b1", "ipfs://load/life-b2", "ipfs://load/life-4"], four.Select(b => b["uri"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Account_contributions_can_be_narrowed_to_one_model()
    {
        var all = await node.Client.WalkAsync($"/accounts/{Contributor(0)}/contributions?limit=500");
        var expectedBulk = Enumerable.Range(0, LoadedNode.BulkContributions).Count(i => i / 10 % 10 == 0);
        Assert.Equal(expectedBulk + 2, all.Count);
        var inModel2 = await node.Client.WalkAsync($"/accounts/{Contributor(0)}/contributions?modelId=2");
        Assert.Equal(["ipfs://load/life-0", "ipfs://load/life-taken"], inModel2.Select(c => c["uri"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Revenue_shows_the_withdrawal_and_share_balance_per_model()
    {
        var revenue = await node.Client.GetJsonAsync($"/accounts/{Contributor(3)}/revenue");
        var model = Assert.Single(revenue["models"]!.AsArray())!;
        Assert.Equal(2, model["modelId"]!.GetValue<long>());
        Assert.Equal(HttpJson.Ether(103), model["shareBalance"]!.GetValue<string>());
        Assert.Equal(1, model["withdrawalCount"]!.GetValue<int>());
        Assert.True(System.Numerics.BigInteger.Parse(model["withdrawn"]!.GetValue<string>()) > 0);
        // It withdrew after the last deposit; contributor 0 never withdrew: both as the contract tells it.
        Assert.Equal("0", model["withdrawable"]!.GetValue<string>());
        var shares = new OpenLedger.Contracts.Shares.ModelSharesService(new OpenLedger.Contracts.Client.ContractClient(
            node.Rpc, OpenLedger.Ethereum.Primitives.Address.Parse(node.DeploymentAddress("ModelShares"))));
        var owed = await shares.WithdrawableRevenueAsync(2, OpenLedger.Ethereum.Primitives.Address.Parse(Contributor(0)));
        Assert.True(owed > 0);
        var zero = Assert.Single((await node.Client.GetJsonAsync($"/accounts/{Contributor(0)}/revenue"))["models"]!.AsArray())!;
        Assert.Equal(owed.ToString(), zero["withdrawable"]!.GetValue<string>());
        Assert.Empty((await node.Client.GetJsonAsync($"/accounts/{node.Accounts[19]}/revenue"))["models"]!.AsArray());
    }

    [Fact]
    public async Task Unclaimed_epochs_without_distributions_are_the_unvetoed_epochs_not_yet_claimed()
    {
        var four = await node.Client.GetJsonAsync($"/accounts/{Contributor(4)}/unclaimed-epochs");
        Assert.Contains("no distribution", four["basis"]!.GetValue<string>());
        Assert.Equal([1L, 2L], four["items"]!.AsArray().Select(e => e!["epoch"]!.GetValue<long>()));
        Assert.All(four["items"]!.AsArray(), e => Assert.Null(e!["leafIndex"]));
        var zero = await node.Client.GetJsonAsync($"/accounts/{Contributor(0)}/unclaimed-epochs");
        Assert.Equal([2L], zero["items"]!.AsArray().Select(e => e!["epoch"]!.GetValue<long>()));
        var admin = await node.Client.GetJsonAsync($"/accounts/{node.Accounts[0]}/unclaimed-epochs");
        Assert.Empty(admin["items"]!.AsArray());
    }
}

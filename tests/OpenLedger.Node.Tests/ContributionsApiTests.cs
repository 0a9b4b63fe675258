using OpenLedger.Node.Tests.Support;

namespace OpenLedger.Node.Tests;

[Collection(LoadedNodeCollection.Name)]
public sealed class ContributionsApiTests(LoadedNode node)
{
    private const int Model1 = 1;

    [Fact]
    public async Task Contribution_by_id_shows_what_register_sent()
    {
        var id = await node.ContributionIdAsync(2, LoadedNode.LoadHash("life-3"));
        var c = await node.Client.GetJsonAsync($"/contributions/{id}");
        Assert.Equal(id, c["id"]!.GetValue<string>());
        Assert.Equal(2, c["modelId"]!.GetValue<long>());
        Assert.Equal(node.Accounts[8], c["contributor"]!.GetValue<string>());
        Assert.Equal(LoadedNode.LoadHash("life-3"), c["contentHash"]!.GetValue<string>());
        Assert.Equal(3, c["kind"]!.GetValue<int>());
        Assert.Equal("ipfs://load/life-3", c["uri"]!.GetValue<string>());
        Assert.Equal(HttpJson.Ether(2), c["bond"]!.GetValue<string>());
        Assert.Equal("active", c["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Contribution_id_in_upper_case_hex_finds_the_same_contribution()
    {
        var id = await node.ContributionIdAsync(2, LoadedNode.LoadHash("life-0"));
        var c = await node.Client.GetJsonAsync($"/contributions/0x{id[2..].ToUpperInvariant()}");
        Assert.Equal(id, c["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(777)]
    [InlineData(LoadedNode.BulkContributions - 1)]
    public async Task Bulk_contribution_by_content_hash_shows_what_registerBatch_sent(int i)
    {
        var hash = LoadedNode.LoadHash($"bulk-{i}");
        var c = await node.Client.GetJsonAsync($"/models/{Model1}/contributions/by-hash/{hash}");
        Assert.Equal(await node.ContributionIdAsync(Model1, hash), c["id"]!.GetValue<string>());
        Assert.Equal(i % 4, c["kind"]!.GetValue<int>());
        Assert.Equal($"ipfs://openledger/bulk/1/{i}", c["uri"]!.GetValue<string>());
        // The load script sends batches of 10 from signers 5..14 in turn.
        Assert.Equal(node.Accounts[5 + i / 10 % 10], c["contributor"]!.GetValue<string>());
        Assert.Equal("0", c["bond"]!.GetValue<string>());
    }

    [Fact]
    public async Task Statuses_follow_flags_dismissals_slashes_and_withdrawals()
    {
        var all = await node.Client.WalkAsync("/models/2/contributions");
        Assert.Equal(9, all.Count);
        var byUri = all.Where(c => c["status"]!.GetValue<string>() != "superseded").ToDictionary(c => c["uri"]!.GetValue<string>());
        Assert.Equal("active", byUri["ipfs://load/life-0"]["status"]!.GetValue<string>()); // flag dismissed
        Assert.Equal("slashed", byUri["ipfs://load/life-1"]["status"]!.GetValue<string>());
        Assert.Equal("0", byUri["ipfs://load/life-1"]["currentBond"]!.GetValue<string>());
        Assert.Equal("0", byUri["ipfs://load/life-2"]["currentBond"]!.GetValue<string>()); // bond withdrawn
        Assert.Equal(HttpJson.Ether(2), byUri["ipfs://load/life-3"]["currentBond"]!.GetValue<string>());
        var slashed = await node.Client.WalkAsync("/models/2/contributions?status=slashed");
        Assert.Equal(["ipfs://load/life-1"], slashed.Select(c => c["uri"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_registration_a_reveal_took_back_is_listed_as_superseded_and_its_id_names_the_revealers()
    {
        // load.js: contributor 3 registered "life-taken" in the block of contributor 0's reveal, mined first (higher tip).
        var superseded = Assert.Single(await node.Client.WalkAsync("/models/2/contributions?status=superseded"));
        Assert.Equal((node.Accounts[8], "ipfs://load/life-taken", HttpJson.Ether(2), "0"), (superseded["contributor"]!.GetValue<string>(),
            superseded["uri"]!.GetValue<string>(), superseded["bond"]!.GetValue<string>(), superseded["currentBond"]!.GetValue<string>()));
        var current = await node.Client.GetJsonAsync($"/contributions/{superseded["id"]!.GetValue<string>()}");
        Assert.Equal((node.Accounts[5], "active", HttpJson.Ether(2)), (current["contributor"]!.GetValue<string>(),
            current["status"]!.GetValue<string>(), current["currentBond"]!.GetValue<string>()));
        Assert.Equal(superseded["registeredBlock"]!.GetValue<long>(), current["registeredBlock"]!.GetValue<long>());
    }

    [Fact]
    public async Task Filtering_by_contributor_and_kind_returns_exactly_the_matching_registrations()
    {
        var expected = Enumerable.Range(0, LoadedNode.BulkContributions)
            .Where(i => i / 10 % 10 == 2 && i % 4 == 1).Select(i => $"ipfs://openledger/bulk/1/{i}").ToList();
        var checksummed = OpenLedger.Ethereum.Primitives.Address.Parse(node.Accounts[7]).ToChecksumString();
        var found = await node.Client.WalkAsync($"/models/{Model1}/contributions?contributor={checksummed}&kind=compute&limit=7");
        Assert.Equal(expected, found.Select(c => c["uri"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Walking_every_page_returns_each_contribution_once_in_registration_order()
    {
        var expected = Enumerable.Range(0, LoadedNode.BulkContributions).Select(i => $"ipfs://openledger/bulk/1/{i}").ToList();
        foreach (var limit in new[] { 500, 250, 97 })
        {
            var found = await node.Client.WalkAsync($"/models/{Model1}/contributions?limit={limit}");
            Assert.Equal(expected, found.Select(c => c["uri"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task A_page_has_the_default_size_of_fifty_and_a_next_link_that_continues_it()
    {
        var first = await node.Client.GetJsonAsync($"/models/{Model1}/contributions?kind=data");
        Assert.Equal(50, first["items"]!.AsArray().Count);
        var second = await node.Client.GetJsonAsync(first["nextLink"]!.GetValue<string>());
        Assert.Contains("kind=data", first["nextLink"]!.GetValue<string>());
        Assert.Equal(0, second["items"]![0]!["kind"]!.GetValue<int>());
        Assert.Equal($"ipfs://openledger/bulk/1/{50 * 4}", second["items"]![0]!["uri"]!.GetValue<string>());
    }
}

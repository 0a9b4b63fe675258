using OpenLedger.Ethereum.Primitives;
using OpenLedger.Indexer.Decoding;
using OpenLedger.Node.Tests.Support;
using System.Net;

namespace OpenLedger.Node.Tests;

/// <summary>/search over the load script's chain: each key finds what it names; malformed or unknown keys say why.</summary>
[Collection(LoadedNodeCollection.Name)]
public sealed class SearchApiTests(LoadedNode node)
{
    private string Contributor(int i) => node.Accounts[5 + i];

    [Fact]
    public async Task A_model_id_finds_the_model()
    {
        var result = await node.Client.GetJsonAsync("/search?q=2");
        var match = Assert.Single(result["matches"]!.AsArray())!;
        Assert.Equal("model", match["type"]!.GetValue<string>());
        Assert.Equal(2, match["modelId"]!.GetValue<long>());
    }

    [Fact]
    public async Task An_address_finds_the_account_in_store_form()
    {
        var checksummed = Address.Parse(Contributor(0)).ToChecksumString();
        var match = Assert.Single((await node.Client.GetJsonAsync($"/search?q={checksummed}"))["matches"]!.AsArray())!;
        Assert.Equal("account", match["type"]!.GetValue<string>());
        Assert.Equal(Contributor(0), match["account"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_content_hash_finds_its_registration_and_a_contribution_id_the_contribution()
    {
        var content = LoadedNode.LoadHash("life-0");
        var byContent = Assert.Single((await node.Client.GetJsonAsync($"/search?q={content}"))["matches"]!.AsArray())!;
        Assert.Equal("content", byContent["type"]!.GetValue<string>());
        Assert.Equal(2, byContent["modelId"]!.GetValue<long>());
        Assert.Equal(Contributor(0), byContent["account"]!.GetValue<string>());
        var id = ContributionIds.Of(2, Hash32.Parse(content)).ToString();
        Assert.Equal(id, byContent["contributionId"]!.GetValue<string>());

        var byId = Assert.Single((await node.Client.GetJsonAsync($"/search?q={id.ToUpperInvariant().Replace("0X", "0x")}"))["matches"]!.AsArray())!;
        Assert.Equal("contribution", byId["type"]!.GetValue<string>());
        Assert.Equal(id, byId["contributionId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_transaction_hash_finds_the_events_it_emitted()
    {
        var claim = (await node.Client.WalkAsync($"/accounts/{Contributor(0)}/claims")).Single();
        var events = (await node.Client.GetJsonAsync($"/search?q={claim["txHash"]!.GetValue<string>()}"))["matches"]!.AsArray();
        var claimed = Assert.Single(events, e => e!["event"]!.GetValue<string>() == "RewardClaimed")!;
        Assert.Equal("transaction", claimed["type"]!.GetValue<string>());
        Assert.Equal(2, claimed["modelId"]!.GetValue<long>());
        Assert.Equal(1, claimed["epoch"]!.GetValue<long>());
        Assert.Equal(Contributor(0), claimed["account"]!.GetValue<string>());

        var registration = await node.Client.GetJsonAsync($"/contributions/{ContributionIds.Of(2, Hash32.Parse(LoadedNode.LoadHash("life-2")))}");
        var registered = Assert.Single((await node.Client.GetJsonAsync($"/search?q={registration["txHash"]!.GetValue<string>()}"))["matches"]!.AsArray())!;
        Assert.Equal("ContributionRegistered", registered["event"]!.GetValue<string>());
        Assert.Equal(registration["id"]!.GetValue<string>(), registered["contributionId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("", "q is required")]
    [InlineData("alice", "q must be a model id (decimal), an address (0x and 40 hex digits)")]
    [InlineData("0x1234", "but is '0x1234' (6 characters)")]
    [InlineData("0xzz00000000000000000000000000000000000000000000000000000000000000", "(66 characters)")]
    [InlineData("0x70997970c51812dc3A010C7d01b50e0d17dc79C8", "invalid EIP-55 checksum")]
    [InlineData("-1", "q must be")]
    public async Task Malformed_keys_are_refused_saying_what_a_key_looks_like(string q, string expected)
    {
        var problem = await node.Client.GetJsonAsync($"/search?q={Uri.EscapeDataString(q)}", HttpStatusCode.BadRequest);
        Assert.Contains(expected, problem["detail"]!.GetValue<string>());
        Assert.NotNull(problem["errors"]!["q"]);
    }

    [Theory]
    [InlineData("99", "no model 99 is indexed")]
    [InlineData("0x00000000000000000000000000000000000000000000000000000000000000ab", "nothing indexed (up to block")]
    public async Task Keys_that_name_nothing_indexed_are_a_404_saying_so(string q, string expected)
    {
        var problem = await node.Client.GetJsonAsync($"/search?q={q}", HttpStatusCode.NotFound);
        Assert.Contains(expected, problem["detail"]!.GetValue<string>());
    }
}

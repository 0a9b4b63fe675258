using System.Numerics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenLedger.Attribution.Rewards;
using OpenLedger.Ethereum.Primitives;
using static Microsoft.Playwright.Assertions;

namespace OpenLedger.Explorer.Tests;

/// <summary>
/// The page's Merkle check against the node's tree (ClaimTree, the StandardMerkleTree the node posts) on trees of
/// several sizes, odd ones included: the page is served a distribution of n leaves and, as the posted root, the root
/// the node's code builds for them; "Verify in your browser" must agree.
/// </summary>
[Collection(ExplorerChainCollection.Name)]
public sealed class ExplorerMerkleTests(ExplorerChain chain)
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(13)]
    public async Task The_browser_recomputes_the_node_trees_root_for_any_number_of_leaves(int n)
    {
        var claims = Enumerable.Range(0, n)
            .Select(i => (Account: new Address(Keccak.Hash($"merkle-test-account-{i}").AsSpan()[12..]),
                Open: BigInteger.Pow(10, 18) * (i + 1) + i, Shares: new BigInteger(100 + 7 * i)))
            .OrderBy(c => c.Account).ToList();
        var root = ClaimTree.Of(claims).Root.ToString();
        var leaves = new JsonArray([.. claims.Select((c, i) => (JsonNode)new JsonObject
        {
            ["index"] = i, ["account"] = c.Account.ToChecksumString(), ["open"] = c.Open.ToString(), ["shares"] = c.Shares.ToString(),
            ["capped"] = false, ["proof"] = new JsonArray(),
        })]);

        var context = await chain.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RouteAsync("**/models/1/epochs/1/distribution", async route =>
        {
            var response = await route.FetchAsync();
            var body = JsonNode.Parse(await response.TextAsync())!;
            body["leaves"] = leaves.DeepClone();
            await route.FulfillAsync(new() { Response = response, Body = body.ToJsonString() });
        });
        await page.RouteAsync("**/models/1/epochs", async route =>
        {
            var response = await route.FetchAsync();
            var body = JsonNode.Parse(await response.TextAsync())!;
            body["items"]![0]!["epoch"]!["root"] = root;
            await route.FulfillAsync(new() { Response = response, Body = body.ToJsonString() });
        });
        await page.GotoAsync($"{chain.NodeUrl}explorer/#/models/1/epochs/1");
        await ExplorerChain.Loaded(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify in your browser" }).ClickAsync();
        await Expect(page.GetByText(new Regex("^Verified: "))).ToContainTextAsync($"from the {n} leaves, {root}, is the root posted on chain");
        await context.CloseAsync();
    }
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenLedger.Explorer.Tests;

/// <summary>Each page, read like a user reads it, shows the seeded chain's figures as the API serves them.</summary>
[Collection(ExplorerChainCollection.Name)]
public sealed class ExplorerPagesTests(ExplorerChain chain)
{
    private static readonly (int, int) Desktop = (1280, 800);

    [Fact]
    public async Task The_models_page_lists_each_model_with_its_revenue_split()
    {
        var page = await chain.OpenAsync("/", Desktop);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Model 1", Exact = true }) });
        await Expect(row).ToContainTextAsync("10%");
        await Expect(row).ToContainTextAsync("20%");
        await Expect(row).ToContainTextAsync("70%");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Model 2", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_model_page_shows_policy_epochs_and_contributions()
    {
        var page = await chain.OpenAsync("/models/1", Desktop);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Model 1");
        await Expect(page.GetByText("10% owner, 20% reward pool, 70% share holders")).ToBeVisibleAsync();
        await Expect(page.Locator("dd a").First).ToHaveAttributeAsync("title", chain.Checksummed(0));
        var epoch = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Epoch 1" }) });
        await Expect(epoch).ToContainTextAsync("900.0000 OPEN");
        await Expect(epoch).ToContainTextAsync("1,000");
        await Expect(epoch).ToContainTextAsync("claimable");
        var contributions = page.GetByRole(AriaRole.Table, new() { Name = "Contributions" });
        await Expect(contributions.Locator("tbody tr")).ToHaveCountAsync(3);
    }

    [Fact]
    public async Task The_epoch_page_shows_the_evaluation_values_root_and_report_hash()
    {
        var posted = (await chain.GetJsonAsync("/models/1/epochs"))["items"]![0]!["epoch"]!;
        var page = await chain.OpenAsync("/models/1/epochs/1", Desktop);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Model 1, epoch 1");
        await Expect(page.GetByText(posted["root"]!.GetValue<string>())).ToBeVisibleAsync();
        await Expect(page.GetByText(posted["reportHash"]!.GetValue<string>())).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "the posted report (JSON)" })).ToHaveAttributeAsync("href", "/models/1/epochs/1/report");
        await Expect(page.Locator("dl").Filter(new() { HasText = "Metric" })).ToContainTextAsync("accuracy");
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Values of the 3 contributions of epoch 1; flagged and excluded ones marked" })).ToBeVisibleAsync();
        var values = page.GetByRole(AriaRole.Table, new() { Name = "Contributions valued in this epoch" });
        await Expect(values.GetByRole(AriaRole.Row).Filter(new() { HasText = "0.3000" })).ToContainTextAsync(Short(chain.Checksummed(ExplorerChain.Ana)));
        await Expect(values.GetByRole(AriaRole.Row).Filter(new() { HasText = "-0.0500" })).ToContainTextAsync(Short(chain.Checksummed(ExplorerChain.Eli)));
        var ben = await chain.GetJsonAsync($"/models/1/epochs/1/proofs/{chain.Checksummed(ExplorerChain.Ben)}");
        var payouts = page.GetByRole(AriaRole.Table, new() { Name = "Leaves of the claim tree" });
        await Expect(payouts.GetByRole(AriaRole.Row).Filter(new() { HasText = Short(chain.Checksummed(ExplorerChain.Ben)) }))
            .ToContainTextAsync(Shown.Open(ben["openAmount"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Verify_in_the_browser_recomputes_the_root_the_node_posted()
    {
        var root = (await chain.GetJsonAsync("/models/1/epochs"))["items"]![0]!["epoch"]!["root"]!.GetValue<string>();
        var page = await chain.OpenAsync("/models/1/epochs/1", Desktop);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify in your browser" }).ClickAsync();
        await Expect(page.GetByText(new Regex("^Verified: "))).ToContainTextAsync($"{root}, is the root posted on chain");
    }

    [Fact]
    public async Task Verify_in_the_browser_reports_a_mismatch_when_the_served_distribution_was_altered()
    {
        var context = await chain.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        // A node serving a distribution whose leaf pays one wei more than the tree that was posted.
        await page.RouteAsync("**/models/1/epochs/1/distribution", async route =>
        {
            var response = await route.FetchAsync();
            var body = System.Text.Json.Nodes.JsonNode.Parse(await response.TextAsync())!;
            var leaf = body["leaves"]![0]!;
            leaf["open"] = (System.Numerics.BigInteger.Parse(leaf["open"]!.GetValue<string>()) + 1).ToString();
            await route.FulfillAsync(new() { Response = response, Body = body.ToJsonString() });
        });
        await page.GotoAsync($"{chain.NodeUrl}explorer/#/models/1/epochs/1");
        await ExplorerChain.Loaded(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify in your browser" }).ClickAsync();
        await Expect(page.GetByText(new Regex("^Mismatch: "))).ToBeVisibleAsync();
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_contributor_page_shows_contributions_values_and_what_is_left_to_claim()
    {
        var ben = chain.Checksummed(ExplorerChain.Ben);
        var proof = await chain.GetJsonAsync($"/models/1/epochs/1/proofs/{ben}");
        var page = await chain.OpenAsync($"/accounts/{ben}", Desktop);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Contributor {ben}");
        var unclaimed = page.GetByRole(AriaRole.Table, new() { Name = "Epochs this account can still claim" });
        var row = unclaimed.GetByRole(AriaRole.Row).Filter(new() { HasText = "Model 1, epoch 1" });
        await Expect(row).ToContainTextAsync(Shown.Open(proof["openAmount"]!.GetValue<string>()));
        await Expect(row).ToContainTextAsync("claimable");
        var values = page.GetByRole(AriaRole.Table, new() { Name = "Values and earnings per epoch" });
        await Expect(values.GetByRole(AriaRole.Row).Filter(new() { HasText = "Model 1, epoch 1" })).ToContainTextAsync("0.1000");
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "OPEN earned per epoch" })).ToBeVisibleAsync();
        var contributions = page.GetByRole(AriaRole.Table, new() { Name = "Contributions of this account" });
        await Expect(contributions.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(contributions).ToContainTextAsync("active");
    }

    [Fact]
    public async Task A_flagged_contribution_shows_the_validators_reason_and_its_value_in_the_epoch()
    {
        var eli = chain.Checksummed(ExplorerChain.Eli);
        var page = await chain.OpenAsync($"/accounts/{eli}", Desktop);
        var contributions = page.GetByRole(AriaRole.Table, new() { Name = "Contributions of this account" });
        await Expect(contributions.GetByRole(AriaRole.Row).Filter(new() { HasText = "Model 1" }))
            .ToContainTextAsync("flagged (flag reason: labels look shifted)");
        var values = page.GetByRole(AriaRole.Table, new() { Name = "Values and earnings per epoch" });
        await Expect(values.GetByRole(AriaRole.Row).Filter(new() { HasText = "Model 1, epoch 1" })).ToContainTextAsync("-0.0500");
    }

    [Fact]
    public async Task The_status_page_shows_cursor_head_lag_and_health()
    {
        await chain.WaitForIndexAsync();
        var status = await chain.GetJsonAsync("/status");
        var page = await chain.OpenAsync("/status", Desktop);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Node status");
        var facts = page.Locator("dl");
        await Expect(facts).ToContainTextAsync("Indexed to block (cursor)");
        await Expect(facts).ToContainTextAsync("Chain head");
        await Expect(facts).ToContainTextAsync("Lag (blocks)");
        Assert.True(status["healthy"]!.GetValue<bool>());
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Healthy" })).ToBeVisibleAsync();
    }

    private static string Short(string address) => $"{address[..8]}…{address[^6..]}";
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenLedger.Explorer.Tests;

/// <summary>The search box finds by each key, and bad input in the page gets a clear message, never a blank page.</summary>
[Collection(ExplorerChainCollection.Name)]
public sealed class ExplorerSearchTests(ExplorerChain chain)
{
    private static readonly (int, int) Desktop = (1280, 800);

    private async Task<IPage> SearchAsync(string query)
    {
        var page = await chain.OpenAsync("/", Desktop);
        await page.GetByRole(AriaRole.Searchbox).Or(page.GetByLabel("Search")).First.FillAsync(query);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        // Done when the search left the front page and either reached its match or shows why it could not.
        await page.WaitForFunctionAsync("""
            () => location.hash !== '#/' && document.querySelector('main').getAttribute('aria-busy') === 'false'
              && (!location.hash.startsWith('#/search/') || document.querySelector('main [role=alert]') !== null)
            """, null, new() { Timeout = 30_000 });
        return page;
    }

    private async Task ExpectHeading(IPage page, string heading) =>
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);

    [Fact]
    public async Task A_model_id_opens_the_model()
    {
        await ExpectHeading(await SearchAsync("2"), "Model 2");
    }

    [Fact]
    public async Task An_address_opens_its_contributor_page()
    {
        var ben = chain.Checksummed(ExplorerChain.Ben);
        await ExpectHeading(await SearchAsync(ben.ToLowerInvariant()), $"Contributor {ben}");
    }

    [Fact]
    public async Task A_content_hash_and_a_contribution_id_open_the_contributor_page()
    {
        var ben = chain.Checksummed(ExplorerChain.Ben);
        var contribution = await chain.GetJsonAsync($"/models/1/contributions/by-hash/{chain.Content["ben"]}");
        await ExpectHeading(await SearchAsync(chain.Content["ben"].ToString()), $"Contributor {ben}");
        await ExpectHeading(await SearchAsync(contribution["id"]!.GetValue<string>()), $"Contributor {ben}");
    }

    [Fact]
    public async Task A_transaction_hash_opens_the_page_of_what_it_did()
    {
        var eli = chain.Checksummed(ExplorerChain.Eli);
        var contribution = await chain.GetJsonAsync($"/models/1/contributions/by-hash/{chain.Content["eli"]}");
        await ExpectHeading(await SearchAsync(contribution["txHash"]!.GetValue<string>()), $"Contributor {eli}");
    }

    [Theory]
    [InlineData("0x1234", "'0x1234' has 4 hex digits: an address has 40, a contribution id, content hash or transaction hash 64.")]
    [InlineData("0xZZ997970c51812dc3a010c7d01b50e0d17dc79c8", "is not hex")]
    [InlineData("alice", "'alice' is not a model id (a number), an address (0x and 40 hex digits) or a hash (0x and 64 hex digits).")]
    [InlineData("99", "no model 99 is indexed")]
    [InlineData("0x00000000000000000000000000000000000000000000000000000000000000ab", "nothing indexed (up to block")]
    [InlineData("0x70997970c51812dc3A010C7d01b50e0d17dc79C8", "invalid EIP-55 checksum")]
    public async Task Malformed_or_unknown_keys_say_what_is_wrong(string query, string message)
    {
        var page = await SearchAsync(query);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(message);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Back to the models" })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("/models/99", "Not found", "no model 99 is indexed")]
    [InlineData("/models/abc", "Invalid input", "modelId must be a non-negative decimal integer but is 'abc'")]
    [InlineData("/models/1/epochs/7", "Not found", "model 1 has no epoch 7 posted")]
    [InlineData("/accounts/0x1234", "Invalid input", "0x followed by 40 hex digits")]
    [InlineData("/nowhere", "Not found", "there is no page /nowhere")]
    public async Task Unknown_models_and_malformed_addresses_in_the_address_bar_say_what_is_wrong(string route, string heading, string message)
    {
        var page = await chain.OpenAsync(route, Desktop);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(message);
    }
}

using Microsoft.Playwright;
using OpenLedger.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace OpenLedger.Explorer.Tests;

/// <summary>
/// Every page at a phone's and a desktop's window size: drawn without a horizontal scroll bar, its figures in view, and a
/// screenshot of each saved under .run/explorer-screenshots/ (CI keeps .run/ as artifacts).
/// </summary>
[Collection(ExplorerChainCollection.Name)]
public sealed class ExplorerScreenshotTests(ExplorerChain chain)
{
    public static TheoryData<string, int, int> Pages()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var name in new[] { "models", "model", "epoch", "contributor", "status", "search-error" })
            foreach (var (w, h) in new[] { (390, 844), (1280, 800) }) data.Add(name, w, h);
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_page_fits_the_window_and_is_saved_as_a_screenshot(string name, int width, int height)
    {
        var route = name switch
        {
            "models" => "/",
            "model" => "/models/1",
            "epoch" => "/models/1/epochs/1",
            "contributor" => $"/accounts/{chain.Checksummed(ExplorerChain.Ben)}",
            "status" => "/status",
            _ => "/search/0x1234",
        };
        var page = await chain.OpenAsync(route, (width, height));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{route} at {width}x{height} is {overflow} px wider than the window");
        var folder = RepoPaths.Combine(".run", "explorer-screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{width}x{height}.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}

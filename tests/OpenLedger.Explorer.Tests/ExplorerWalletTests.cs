using System.Numerics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenLedger.Ethereum.Primitives;
using static Microsoft.Playwright.Assertions;

namespace OpenLedger.Explorer.Tests;

/// <summary>
/// Wallet actions through the injected test wallet (EIP-1193, signing with ana's local key, sending to the Hardhat
/// chain): the transaction happens on chain and the figures on the page change; a refused one shows its custom error.
/// </summary>
[Collection(ExplorerChainCollection.Name)]
public sealed class ExplorerWalletTests(ExplorerChain chain)
{
    private static readonly (int, int) Desktop = (1280, 800);

    private static ILocator Fact(IPage page, string name) => page.Locator("dt", new() { HasTextString = name }).Locator("xpath=following-sibling::dd[1]");

    [Fact]
    public async Task Claiming_then_withdrawing_revenue_pays_ana_and_changes_the_figures_shown()
    {
        var ana = chain.Account(ExplorerChain.Ana).Address;
        var proof = await chain.GetJsonAsync($"/models/1/epochs/1/proofs/{ana}");
        var open = BigInteger.Parse(proof["openAmount"]!.GetValue<string>());
        var before = await chain.Reads.Token.BalanceOfAsync(ana);
        var page = await chain.OpenAsync($"/accounts/{ana}", Desktop, wallet: ExplorerChain.Ana);
        await Expect(Fact(page, "OPEN claimed")).ToHaveTextAsync("0.0000 OPEN");

        await page.GetByRole(AriaRole.Button, new() { Name = "Claim model 1 epoch 1" }).ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("Claimed model 1 epoch 1: transaction 0x", new() { Timeout = 60_000 });
        await ExplorerChain.Loaded(page);
        await Expect(Fact(page, "OPEN claimed")).ToHaveTextAsync(Shown.Open(open));
        await Expect(Fact(page, "Shares claimed")).ToHaveTextAsync(BigInteger.Parse(proof["shareAmount"]!.GetValue<string>()).ToString("N0"));
        Assert.Equal(before + open, await chain.Reads.Token.BalanceOfAsync(ana));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Claim model 1 epoch 1" })).ToHaveCountAsync(0);

        // Revenue arrives; ana, the only holder of model 1's shares, withdraws her cut from the page.
        await chain.DepositRevenueAsync(1, 100 * ExplorerChain.Ether);
        var withdrawable = await chain.Reads.Shares.WithdrawableRevenueAsync(1, ana);
        Assert.True(withdrawable > 0);
        await page.ReloadAsync();
        await ExplorerChain.Loaded(page);
        await Expect(Fact(page, "Revenue withdrawn")).ToHaveTextAsync("0.0000 OPEN");
        await Expect(Fact(page, "Revenue withdrawable")).ToHaveTextAsync(Shown.Open(withdrawable));
        var balance = await chain.Reads.Token.BalanceOfAsync(ana);
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw revenue of model 1" }).ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("Withdrew revenue of model 1", new() { Timeout = 60_000 });
        await ExplorerChain.Loaded(page);
        await Expect(Fact(page, "Revenue withdrawn")).ToHaveTextAsync(Shown.Open(withdrawable));
        await Expect(Fact(page, "Revenue withdrawable")).ToHaveTextAsync("0.0000 OPEN");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Withdraw revenue of model 1" })).ToHaveCountAsync(0);
        Assert.Equal(balance + withdrawable, await chain.Reads.Token.BalanceOfAsync(ana));
    }

    [Fact]
    public async Task A_claim_the_contract_refuses_shows_its_decoded_custom_error_and_sends_nothing()
    {
        var ana = chain.Account(ExplorerChain.Ana).Address;
        var epoch = (await chain.GetJsonAsync("/models/2/epochs"))["items"]![0]!["epoch"]!;
        var endsAt = epoch["challengeEndsAt"]!.GetValue<long>();
        var page = await chain.OpenAsync($"/accounts/{ana}", Desktop, wallet: ExplorerChain.Ana);
        var row = page.GetByRole(AriaRole.Table, new() { Name = "Epochs this account can still claim" })
            .GetByRole(AriaRole.Row).Filter(new() { HasText = "Model 2, epoch 1" });
        await Expect(row).ToContainTextAsync("challengeable");
        await row.GetByRole(AriaRole.Button, new() { Name = "Claim model 2 epoch 1" }).ClickAsync();
        await Expect(row.GetByRole(AriaRole.Alert)).ToHaveTextAsync(
            $"Claim model 2 epoch 1 failed: DistributorChallengeWindowOpen(modelId: 2, epoch: 1, endsAt: {endsAt})", new() { Timeout = 60_000 });
        Assert.Equal(0, (await chain.GetJsonAsync($"/models/2/epochs"))["items"]![0]!["epoch"]!["claimCount"]!.GetValue<long>());
    }

    [Fact]
    public async Task Withdrawing_an_unlocked_bond_pays_it_back_and_the_page_shows_none_left()
    {
        var ben = chain.Account(ExplorerChain.Ben).Address;
        var id = (await chain.GetJsonAsync($"/models/3/contributions/by-hash/{chain.Content["ben-3"]}"))["id"]!.GetValue<string>();
        var before = await chain.Reads.Token.BalanceOfAsync(ben);
        var page = await chain.OpenAsync($"/accounts/{ben}", Desktop, wallet: ExplorerChain.Ben);
        var row = page.GetByRole(AriaRole.Table, new() { Name = "Contributions of this account" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "Model 3" });
        await Expect(row).ToContainTextAsync("2.0000 OPEN");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Withdraw bond of {id[..10]}" }).ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("Withdrew the bond: transaction 0x", new() { Timeout = 60_000 });
        await ExplorerChain.Loaded(page);
        await Expect(row).ToContainTextAsync("0.0000 OPEN");
        await Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        Assert.Equal(before + 2 * ExplorerChain.Ether, await chain.Reads.Token.BalanceOfAsync(ben));
    }

    [Fact]
    public async Task Withdrawing_a_locked_bond_shows_the_decoded_custom_error()
    {
        var eli = chain.Account(ExplorerChain.Eli).Address;
        var id = (await chain.GetJsonAsync($"/models/3/contributions/by-hash/{chain.Content["eli-3"]}"))["id"]!.GetValue<string>();
        var page = await chain.OpenAsync($"/accounts/{eli}", Desktop, wallet: ExplorerChain.Eli);
        var row = page.GetByRole(AriaRole.Table, new() { Name = "Contributions of this account" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "Model 3" });
        await row.GetByRole(AriaRole.Button, new() { Name = $"Withdraw bond of {id[..10]}" }).ClickAsync();
        await Expect(row.GetByRole(AriaRole.Alert)).ToContainTextAsync($"failed: RegistryBondLocked(id: {id}, unlocksAt: ", new() { Timeout = 60_000 });
        await Expect(row).ToContainTextAsync("2.0000 OPEN");
    }

    [Fact]
    public async Task Without_a_wallet_the_page_only_reads_and_says_so()
    {
        var page = await chain.OpenAsync($"/accounts/{chain.Checksummed(ExplorerChain.Ben)}", Desktop);
        await Expect(page.GetByText("No wallet: reading only")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Claim model 1 epoch 1" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(new Regex("no wallet found: install a browser wallet"));
    }
}

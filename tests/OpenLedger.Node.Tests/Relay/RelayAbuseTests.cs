using System.Net;
using System.Numerics;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Node.Tests.Relay.Support;

namespace OpenLedger.Node.Tests.Relay;

/// <summary>
/// The relay under hostile use (issue 16, items 1 and 2): nobody can lock a contributor out, and the relayer never
/// sends a transaction that reverts nor more than its caps allow. Each test checks what the relayer paid on chain.
/// </summary>
[Collection(RelayChainCollection.Name)]
public sealed class RelayAbuseTests(RelayChain chain)
{
    [Fact]
    public async Task Junk_requests_naming_a_contributor_do_not_use_up_its_rate_limit()
    {
        var model = await chain.NewModelAsync();
        var victim = await chain.BondedContributorAsync(1);
        var attacker = chain.Wallet.GetAccount(2);
        await using var node = chain.Node(new Dictionary<string, string> { ["PermitLimit"] = "3" });
        using var client = node.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            var junk = await chain.SignedBodyAsync(attacker, model); // signed by the attacker, naming the victim
            junk["contributor"] = victim.Address.ToString();
            var (status, body) = await RelayChain.PostAsync(client, junk);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("Invalid signature", body!["title"]!.GetValue<string>());
        }
        var (ok, answer) = await RelayChain.PostAsync(client, await chain.SignedBodyAsync(victim, model));
        Assert.True(ok == HttpStatusCode.OK, answer?.ToJsonString());
    }

    [Fact]
    public async Task Concurrent_posts_of_one_valid_body_send_one_transaction_and_none_that_reverts()
    {
        var model = await chain.NewModelAsync();
        var contributor = await chain.BondedContributorAsync(3);
        await using var node = chain.Node();
        using var client = node.CreateClient();
        var body = await chain.SignedBodyAsync(contributor, model);
        var before = await chain.RelayerAsync();
        var startBlock = (ulong)await chain.Rpc.GetBlockNumberAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => RelayChain.PostAsync(client, body)));

        var after = await chain.RelayerAsync();
        Assert.Equal(before.Transactions + 1, after.Transactions);
        var spend = await chain.RelayerSpendAfterAsync(startBlock);
        Assert.Equal((1, 0), (spend.Transactions, spend.Reverted));
        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        // The others were in flight at the same time (409 "Already being relayed") or came after the first was mined
        // (409 "Wrong nonce"): refused either way, before any gas.
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.Status));
    }

    [Fact]
    public async Task A_uri_longer_than_the_cap_is_refused_before_any_gas()
    {
        var model = await chain.NewModelAsync();
        var contributor = await chain.BondedContributorAsync(4);
        await using var node = chain.Node();
        using var client = node.CreateClient();
        var before = await chain.RelayerAsync();

        var (status, body) = await RelayChain.PostAsync(client, await chain.SignedBodyAsync(contributor, model, uri: "ipfs://" + new string('x', 100_000)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("URI too long", body!["title"]!.GetValue<string>());
        Assert.Contains("100007 characters but this relay carries at most 2048 (Relay:MaxUriLength)", body["detail"]!.GetValue<string>());
        Assert.Equal(before, await chain.RelayerAsync());
    }

    [Fact]
    public async Task A_registration_needing_more_gas_than_the_cap_is_refused_before_any_gas()
    {
        var model = await chain.NewModelAsync();
        var contributor = await chain.BondedContributorAsync(5);
        await using var node = chain.Node(new Dictionary<string, string> { ["MaxGasPerRequest"] = "100000" });
        using var client = node.CreateClient();
        var before = await chain.RelayerAsync();

        // Within the URI cap, but its calldata and event data take the registration above 100,000 gas.
        var (status, body) = await RelayChain.PostAsync(client, await chain.SignedBodyAsync(contributor, model, uri: "ipfs://" + new string('y', 2000)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("Too much gas", body!["title"]!.GetValue<string>());
        Assert.Contains("Relay:MaxGasPerRequest", body["detail"]!.GetValue<string>());
        Assert.Equal(before, await chain.RelayerAsync());
    }

    [Fact]
    public async Task A_zero_bond_registration_is_refused_unless_the_operator_relays_them()
    {
        var model = await chain.NewModelAsync();
        var fresh = chain.Wallet.GetAccount(300); // no ETH, no OPEN: what a wallet made for the purpose holds
        await using (var node = chain.Node())
        {
            using var client = node.CreateClient();
            var before = await chain.RelayerAsync();
            var (status, body) = await RelayChain.PostAsync(client, await chain.SignedBodyAsync(fresh, model, bond: 0));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
            Assert.Equal("Bond required", body!["title"]!.GetValue<string>());
            Assert.Contains("Relay:ZeroBond is Refuse", body["detail"]!.GetValue<string>());
            Assert.Equal(before, await chain.RelayerAsync());
        }
        await using (var node = chain.Node(new Dictionary<string, string> { ["ZeroBond"] = "Relay" }))
        {
            using var client = node.CreateClient();
            var (status, body) = await RelayChain.PostAsync(client, await chain.SignedBodyAsync(fresh, model, bond: 0));
            Assert.True(status == HttpStatusCode.OK, body?.ToJsonString());
        }
    }

    [Fact]
    public async Task One_contributor_gets_no_more_than_its_gas_budget_in_a_period()
    {
        var model = await chain.NewModelAsync();
        var contributor = await chain.BondedContributorAsync(6);
        const long budget = 320_000;
        await using var node = chain.Node(new Dictionary<string, string> { ["MaxGasPerRequest"] = "150000", ["ContributorGasBudget"] = budget.ToString() });
        using var client = node.CreateClient();

        long used = 0;
        var relayed = 0;
        for (var i = 0; i < 6; i++)
        {
            var (status, body) = await RelayChain.PostAsync(client, await chain.SignedBodyAsync(contributor, model));
            if (status == HttpStatusCode.OK)
            {
                relayed++;
                used += body!["gasUsed"]!.GetValue<long>();
                continue;
            }
            Assert.Equal(HttpStatusCode.TooManyRequests, status);
            Assert.Equal("Relay budget spent", body!["title"]!.GetValue<string>());
            Assert.Contains($"of its {budget} gas for contributor {contributor.Address}", body["detail"]!.GetValue<string>());
            break;
        }
        Assert.InRange(relayed, 1, 3);
        Assert.True(used <= budget, $"relayed {used} gas for one contributor over a budget of {budget}");
    }

    [Fact]
    public async Task Fresh_wallets_share_the_model_budget()
    {
        var model = await chain.NewModelAsync();
        const long budget = 450_000;
        await using var node = chain.Node(new Dictionary<string, string>
        {
            ["ZeroBond"] = "Relay", ["MaxGasPerRequest"] = "150000", ["ContributorGasBudget"] = "150000", ["ModelGasBudget"] = budget.ToString(),
        });
        using var client = node.CreateClient();
        var before = await chain.RelayerAsync();
        var startBlock = (ulong)await chain.Rpc.GetBlockNumberAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            var (status, body) = await RelayChain.PostAsync(client, await chain.SignedBodyAsync(chain.Wallet.GetAccount(400 + i), model, bond: 0));
            statuses.Add(status);
            if (status != HttpStatusCode.OK) Assert.Contains($"of its {budget} gas for model {model}", body!["detail"]!.GetValue<string>());
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        var after = await chain.RelayerAsync();
        var relayed = (int)(after.Transactions - before.Transactions);
        Assert.Equal(statuses.Count(s => s == HttpStatusCode.OK), relayed);
        var (_, spent, _, reverted) = await chain.RelayerSpendAfterAsync(startBlock);
        Assert.Equal(0, reverted);
        Assert.True(spent <= budget, $"the relayer spent {spent} gas on model {model} over a budget of {budget}");
    }
}

using System.Diagnostics;
using System.Net;
using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Node.Tests.Relay.Support;
using Xunit.Abstractions;

namespace OpenLedger.Node.Tests.Relay;

/// <summary>
/// The relayer's spend under an abusive load beside an honest one (issue 16, item 2), on loopback, bounded in count
/// (a few hundred requests) and time. The figures are written to the test output; what is asserted is what must hold
/// whatever the machine: no reverted transaction, abuse paid only within the budgets, honest contributors never locked out.
/// </summary>
[Collection(RelayChainCollection.Name)]
public sealed class RelaySpendUnderLoadTests(RelayChain chain, ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Abusive_load_costs_the_relayer_no_reverted_transaction_and_no_more_than_its_budgets()
    {
        var clock = Stopwatch.StartNew();
        var bonded = await chain.NewModelAsync(RelayChain.Open);
        var open = await chain.NewModelAsync();
        var honest = new[] { 14, 15, 16, 17 };
        foreach (var i in honest) await chain.BondedContributorAsync(i);
        var attacker = await chain.BondedContributorAsync(18);
        // The rate limit is raised far above the load so that the budgets, not the limit, are what stop the abuse.
        await using var node = chain.Node(new Dictionary<string, string> { ["PermitLimit"] = "1000" });
        using var client = node.CreateClient();

        // Honest: each contributor registers three contributions, one after the other.
        var honestStart = await chain.Rpc.GetBlockNumberAsync();
        var honestAnswers = new List<HttpStatusCode>();
        foreach (var i in honest)
            for (var k = 0; k < 3; k++)
                honestAnswers.Add((await RelayChain.PostAsync(client, await chain.SignedBodyAsync(chain.Wallet.GetAccount(i), bonded))).Status);
        var honestSpend = await chain.RelayerSpendAfterAsync(honestStart);

        var abuseStart = await chain.Rpc.GetBlockNumberAsync();
        var abuse = new Dictionary<string, List<HttpStatusCode>>();
        async Task Send(string kind, JsonObject body) => Record(abuse, kind, (await RelayChain.PostAsync(client, body)).Status);
        // 1. Junk signatures naming the honest contributors, to lock them out of the rate limit.
        foreach (var i in honest)
            for (var k = 0; k < 10; k++)
            {
                var junk = await chain.SignedBodyAsync(attacker, bonded);
                junk["contributor"] = chain.Wallet.GetAccount(i).Address.ToString();
                await Send("junk signatures naming others", junk);
            }
        // 2. Replays: the same valid body five times at once, ten times.
        for (var k = 0; k < 10; k++)
        {
            var body = await chain.SignedBodyAsync(attacker, bonded);
            foreach (var (status, _) in await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => RelayChain.PostAsync(client, body))))
                Record(abuse, "concurrent replays of one body", status);
        }
        // 3. A 100,000-character URI.
        for (var k = 0; k < 5; k++) await Send("100,000-character uri", await chain.SignedBodyAsync(attacker, bonded, uri: new string('u', 100_000)));
        // 4. Fresh wallets with no bond on a model with no minimum bond.
        for (var k = 0; k < 30; k++) await Send("fresh wallets, zero bond", await chain.SignedBodyAsync(chain.Wallet.GetAccount(500 + k), open, bond: 0));
        // 5. One bonded contributor sending valid registrations as fast as the relay takes them.
        for (var k = 0; k < 20 && clock.Elapsed < Bound; k++) await Send("one contributor, valid, repeatedly", await chain.SignedBodyAsync(attacker, bonded));
        var abuseSpend = await chain.RelayerSpendAfterAsync(abuseStart);
        var abuseRequests = abuse.Values.Sum(v => v.Count);

        // Honest again after the abuse: not locked out.
        var after = await RelayChain.PostAsync(client, await chain.SignedBodyAsync(chain.Wallet.GetAccount(honest[0]), bonded));

        // 6. An operator who relays zero-bond registrations: fresh wallets share the model's budget (here 1,000,000 gas).
        var sybilStart = await chain.Rpc.GetBlockNumberAsync();
        await using (var relaying = chain.Node(new Dictionary<string, string> { ["ZeroBond"] = "Relay", ["ModelGasBudget"] = "1000000", ["PermitLimit"] = "1000" }))
        {
            using var sybilClient = relaying.CreateClient();
            for (var k = 0; k < 30; k++)
                Record(abuse, "fresh wallets, zero bond, ZeroBond=Relay", (await RelayChain.PostAsync(sybilClient,
                    await chain.SignedBodyAsync(chain.Wallet.GetAccount(600 + k), open, bond: 0))).Status);
        }
        var sybilSpend = await chain.RelayerSpendAfterAsync(sybilStart);

        output.WriteLine($"honest: {honestAnswers.Count} requests, {honestAnswers.Count(s => s == HttpStatusCode.OK)} relayed; " +
            $"relayer: {honestSpend.Transactions} transactions, {honestSpend.Gas} gas, {Gwei(honestSpend.Wei)} gwei, {honestSpend.Reverted} reverted");
        foreach (var (kind, statuses) in abuse)
            output.WriteLine($"abuse, {kind}: {statuses.Count} requests -> {string.Join(", ", statuses.GroupBy(s => (int)s).OrderBy(g => g.Key).Select(g => $"{g.Count()} x {g.Key}"))}");
        output.WriteLine($"abuse 1-5: {abuseRequests} requests; relayer: {abuseSpend.Transactions} transactions, {abuseSpend.Gas} gas, " +
            $"{Gwei(abuseSpend.Wei)} gwei, {abuseSpend.Reverted} reverted; honest request after the abuse: {(int)after.Status}; {clock.Elapsed.TotalSeconds:0.0} s");

        output.WriteLine($"fresh wallets with ZeroBond=Relay: relayer {sybilSpend.Transactions} transactions, {sybilSpend.Gas} gas, " +
            $"{Gwei(sybilSpend.Wei)} gwei, {sybilSpend.Reverted} reverted");

        Assert.All(honestAnswers, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Equal(0, honestSpend.Reverted + abuseSpend.Reverted + sybilSpend.Reverted);
        // Everything the attacker got relayed (one registration per replayed body, then repeated registrations) comes
        // out of its one contributor budget (Relay:ContributorGasBudget, 1,000,000 gas by default).
        Assert.True(abuseSpend.Gas <= 1_000_000, $"the abuse cost the relayer {abuseSpend.Gas} gas");
        Assert.True(sybilSpend.Gas <= 1_000_000, $"fresh wallets cost the relayer {sybilSpend.Gas} gas");
        Assert.Contains(HttpStatusCode.TooManyRequests, abuse["fresh wallets, zero bond, ZeroBond=Relay"]);
        Assert.DoesNotContain(HttpStatusCode.OK, abuse["junk signatures naming others"]);
        Assert.DoesNotContain(HttpStatusCode.OK, abuse["100,000-character uri"]);
        Assert.DoesNotContain(HttpStatusCode.OK, abuse["fresh wallets, zero bond"]);
        Assert.Contains(HttpStatusCode.TooManyRequests, abuse["one contributor, valid, repeatedly"]);
        Assert.True(clock.Elapsed < Bound + TimeSpan.FromMinutes(1), $"took {clock.Elapsed}");
    }

    private static void Record(Dictionary<string, List<HttpStatusCode>> abuse, string kind, HttpStatusCode status)
    {
        if (!abuse.TryGetValue(kind, out var list)) abuse[kind] = list = [];
        list.Add(status);
    }

    private static string Gwei(BigInteger wei) => (wei / 1_000_000_000).ToString("N0");
}

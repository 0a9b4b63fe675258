using System.Net;
using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Contracts.Distributor;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Node.Tests.Epochs.Support;
using OpenLedger.Node.Tests.Support;

namespace OpenLedger.Node.Tests.Epochs;

[Collection(EpochChainCollection.Name)]
public sealed class EpochPostingTests(EpochChain chain)
{
    [Fact]
    public async Task Report_posted_over_http_is_indexed_and_every_account_claims_on_chain_with_the_served_proofs()
    {
        var model = await chain.NewModelAsync([2, 3, 4, 5, 6], 1_000 * EpochChain.Ether);
        var contributions = await chain.ContributionsAsync(model);
        await chain.SlashAsync(model, Hash32.Parse(contributions[4].ContentHash));
        contributions = await chain.ContributionsAsync(model);
        Assert.Equal("slashed", contributions[4].Status);
        var scores = new[] { 0.5, 0.25, 0.125, 0.3 };
        var report = ReportJson.Build(model, 1, contributions, c => scores[contributions.ToList().IndexOf(c) % 4],
            700 * EpochChain.Ether + 3, 5_000 * EpochChain.Ether + 1);
        var bytes = ReportJson.Bytes(report);
        // The owner sealed the epoch's test set before it was posted: anyone can read the commitment already.
        var sealedSet = await chain.Client.GetJsonAsync($"/models/{model}/epochs/1/evaluation");
        Assert.Equal(ReportJson.TestSetHash(model, 1).ToString(), sealedSet["testSetHash"]!.GetValue<string>());

        using var response = await chain.PostReportAsync(bytes);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToJsonString());
        Assert.Equal($"http://node.test:5080/models/{model}/epochs/1/report", body["reportUri"]!.GetValue<string>());

        var posted = await chain.Reads.Distributor.EpochAsync(model, 1);
        Assert.Equal(EpochStatus.Posted, posted.Status);
        Assert.Equal(Keccak.Hash(bytes), posted.ReportHash);
        Assert.Equal(body["root"]!.GetValue<string>(), posted.Root.ToString());
        Assert.Equal(700 * EpochChain.Ether + 3, posted.TotalOpen); // scores split exactly: nothing capped or lost
        Assert.Equal(5_000 * EpochChain.Ether + 1, posted.TotalShares);

        // The indexer sees the epoch, and the node serves the exact bytes under their hash.
        await chain.WaitForIndexAsync();
        var epochs = await chain.Client.GetJsonAsync($"/models/{model}/epochs");
        Assert.Equal(body["root"]!.GetValue<string>(), epochs["items"]![0]!["epoch"]!["root"]!.GetValue<string>());
        Assert.Equal(sealedSet.ToJsonString(), epochs["items"]![0]!["evaluation"]!.ToJsonString());
        using var served = await chain.Client.GetAsync($"/models/{model}/epochs/1/report");
        Assert.Equal(bytes, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal($"\"{posted.ReportHash}\"", served.Headers.ETag!.Tag);
        using var distribution = await chain.Client.GetAsync($"/models/{model}/epochs/1/distribution");
        var distributionBytes = await distribution.Content.ReadAsByteArrayAsync();
        Assert.Equal($"\"{Keccak.Hash(distributionBytes)}\"", distribution.Headers.ETag!.Tag);

        // After the challenge window every account claims with the API's proof; the claims add up to the posted totals.
        var (open, shares) = await chain.ClaimAllAsync(model, 1, contributions.Take(4).Select(c => c.Contributor));
        Assert.Equal(posted.TotalOpen, open);
        Assert.Equal(posted.TotalShares, shares);
        var after = await chain.Reads.Distributor.EpochAsync(model, 1);
        Assert.Equal(BigInteger.Zero, after.OpenRemaining);
        Assert.Equal(BigInteger.Zero, after.SharesRemaining);
        // The slashed contributor has no leaf.
        await chain.Client.GetJsonAsync($"/models/{model}/epochs/1/proofs/{contributions[4].Contributor}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reverted_postEpoch_is_a_502_naming_the_contract_error_and_the_submission_is_not_recorded_as_posted()
    {
        var model = await chain.NewModelAsync([2, 3], 10 * EpochChain.Ether);
        var report = ReportJson.Bytes(ReportJson.Build(model, 1, await chain.ContributionsAsync(model), _ => 1.0, EpochChain.Ether, 1));
        var admin = await chain.AsAsync(0);
        var role = await chain.Reads.Distributor.ReporterRoleAsync();
        await admin.Distributor.RevokeRoleAsync(role, chain.Reporter.Address);
        try
        {
            using var response = await chain.PostReportAsync(report);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadGateway, text);
            Assert.Contains("AccessControlUnauthorizedAccount", text);
        }
        finally
        {
            await admin.Distributor.GrantRoleAsync(role, chain.Reporter.Address);
        }
        Assert.Equal(BigInteger.Zero, await chain.LastEpochAsync(model));
        using (var stored = await chain.Client.GetAsync($"/models/{model}/epochs/1/report")) Assert.Equal(HttpStatusCode.NotFound, stored.StatusCode);
        // With the role back, the same report goes through.
        using var retried = await chain.PostReportAsync(report);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
    }
}

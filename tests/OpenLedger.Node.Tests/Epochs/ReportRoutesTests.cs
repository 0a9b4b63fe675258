using System.Net;
using System.Net.Http.Headers;
using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Node.Epochs;
using OpenLedger.Node.Tests.Epochs.Support;
using OpenLedger.Node.Tests.Support;

namespace OpenLedger.Node.Tests.Epochs;

[Collection(EpochChainCollection.Name)]
public sealed class ReportRoutesTests(EpochChain chain)
{
    [Fact]
    public async Task Stored_report_answers_304_when_the_client_already_holds_its_hash()
    {
        var model = await chain.NewModelAsync([2], EpochChain.Ether);
        var report = ReportJson.Bytes(ReportJson.Build(model, 1, await chain.ContributionsAsync(model), _ => 1, EpochChain.Ether, 1));
        using (var posted = await chain.PostReportAsync(report)) Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/models/{model}/epochs/1/report");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{Keccak.Hash(report)}\""));
        using var response = await chain.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Theory]
    [InlineData("report")]
    [InlineData("distribution")]
    public async Task Epoch_without_a_posted_report_is_a_404_problem(string what)
    {
        var problem = await chain.Client.GetJsonAsync($"/models/999/epochs/1/{what}", HttpStatusCode.NotFound);
        Assert.Equal("this node has posted no report for model 999 epoch 1", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Malformed_model_or_epoch_is_a_400_problem()
    {
        var problem = await chain.Client.GetJsonAsync("/models/x/epochs/-1/report", HttpStatusCode.BadRequest);
        Assert.Contains("must be non-negative integers but are 'x' and '-1'", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Report_that_allocates_nothing_is_rejected_because_there_is_no_tree_to_post()
    {
        var model = await chain.NewModelAsync([2, 3], EpochChain.Ether);
        var report = ReportJson.Build(model, 1, await chain.ContributionsAsync(model), _ => -1.0, EpochChain.Ether, 1);
        using var response = await chain.PostReportAsync(ReportJson.Bytes(report));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("the distribution allocates nothing", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["rewards"]![0]!.GetValue<string>());
        Assert.Equal(BigInteger.Zero, await chain.LastEpochAsync(model));
    }

    [Fact]
    public async Task Epoch_posted_with_this_report_by_a_node_that_lost_its_records_is_adopted_not_posted_again()
    {
        var model = await chain.NewModelAsync([2, 3], EpochChain.Ether);
        var report = ReportJson.Bytes(ReportJson.Build(model, 1, await chain.ContributionsAsync(model), _ => 1, EpochChain.Ether, 1));
        var computed = EpochComputation.Compute(report);
        var uri = EpochSubmitter.ReportUri("http://node.test:5080", model, 1);
        await (await chain.AsAsync(1)).Distributor.PostEpochAsync(model, 1, computed.Root!.Value, computed.Distribution.TotalOpen, computed.Distribution.TotalShares,
            computed.ReportHash, uri);
        var nonce = await chain.Rpc.GetTransactionCountAsync(chain.Reporter.Address);

        using var response = await chain.PostReportAsync(report);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(nonce, await chain.Rpc.GetTransactionCountAsync(chain.Reporter.Address));
        using var served = await chain.Client.GetAsync($"/models/{model}/epochs/1/report");
        Assert.Equal(report, await served.Content.ReadAsByteArrayAsync());
        await chain.WaitForIndexAsync();
        var proof = await chain.Client.GetJsonAsync($"/models/{model}/epochs/1/proofs/{chain.Wallet.GetAccount(2).Address}");
        Assert.True(proof["rootMatchesPosted"]!.GetValue<bool>());
    }
}

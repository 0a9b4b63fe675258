using System.Net;
using System.Text.Json.Nodes;
using OpenLedger.Node.Tests.Epochs.Support;

namespace OpenLedger.Node.Tests.Epochs;

[Collection(EpochChainCollection.Name)]
public sealed class ReportsAuthenticationTests(EpochChain chain)
{
    [Fact]
    public async Task Request_without_a_bearer_token_is_a_401_problem_with_a_challenge()
    {
        using var response = await chain.PostReportAsync("{}"u8.ToArray(), token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Authorization: Bearer", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("wrong")]
    [InlineData(EpochChain.Token + "x")]
    [InlineData("report-token-5d2b8")]
    public async Task Request_with_another_token_is_a_403_problem(string token)
    {
        using var response = await chain.PostReportAsync("{}"u8.ToArray(), token);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("the bearer token is not this node's report token", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Report_larger_than_the_limit_is_a_413_problem()
    {
        var body = new byte[256 * 1024 + 1];
        Array.Fill(body, (byte)' ');
        using var response = await chain.PostReportAsync(body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("at most 262144 bytes", await response.Content.ReadAsStringAsync());
    }
}

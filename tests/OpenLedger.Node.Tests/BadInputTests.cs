using System.Net;
using System.Text.Json.Nodes;
using OpenLedger.Node.Paging;
using OpenLedger.Node.Tests.Support;

namespace OpenLedger.Node.Tests;

/// <summary>Every kind of bad input is answered 400 or 404 with an RFC 7807 body saying what was wrong; never 500.</summary>
[Collection(LoadedNodeCollection.Name)]
public sealed class BadInputTests(LoadedNode node)
{
    private const string Account = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    private const string BadChecksum = "0x70997970c51812dc3A010C7d01b50e0d17dc79C8";
    private const string ZeroHash = "0x0000000000000000000000000000000000000000000000000000000000000000";
    private const string Uint256Max = "115792089237316195423570985008687907853269984665640564039457584007913129639935";
    private const string Uint256Overflow = "115792089237316195423570985008687907853269984665640564039457584007913129639936";

    [Theory]
    [InlineData("/accounts/" + BadChecksum + "/contributions", "invalid EIP-55 checksum")]
    [InlineData("/accounts/0x1234/shares", "0x followed by 40 hex digits")]
    [InlineData("/accounts/0xZZ997970c51812dc3a010c7d01b50e0d17dc79c8/bonds", "must be hex")]
    [InlineData("/accounts/alice/revenue", "address")]
    [InlineData("/accounts/" + BadChecksum + "/claims", "checksum")]
    [InlineData("/accounts/" + BadChecksum + "/unclaimed-epochs", "checksum")]
    [InlineData("/models/1/contributions?contributor=" + BadChecksum, "contributor")]
    [InlineData("/contributions/0x1234", "id must be 0x followed by 64 hex digits")]
    [InlineData("/contributions/" + "0x" + "zz00000000000000000000000000000000000000000000000000000000000000", "64 hex digits")]
    [InlineData("/models/1/contributions/by-hash/0x12", "contentHash must be 0x followed by 64 hex digits")]
    [InlineData("/models/abc", "modelId must be a non-negative decimal integer but is 'abc'")]
    [InlineData("/models/-1", "modelId must be a non-negative decimal integer")]
    [InlineData("/models/1.5/contributions", "modelId")]
    [InlineData("/models/" + Uint256Overflow, "modelId must be at most 2^256-1")]
    [InlineData("/models/x/epochs", "modelId")]
    [InlineData("/models/2/epochs/abc/proofs/" + Account, "epoch must be a non-negative decimal integer")]
    [InlineData("/models/2/epochs/1/proofs/0x12", "account")]
    [InlineData("/models?limit=0", "limit must be an integer from 1 to 500 but is '0'")]
    [InlineData("/models?limit=501", "limit must be an integer from 1 to 500 but is '501'")]
    [InlineData("/models?limit=-5", "limit")]
    [InlineData("/models?limit=ten", "limit")]
    [InlineData("/models?limit=99999999999999999999999", "limit")]
    [InlineData("/models/1/contributions?limit=100000", "limit")]
    [InlineData("/accounts/" + Account + "/claims?limit=0", "limit")]
    [InlineData("/models?cursor=not-a-cursor!", "cursor is not a cursor this API issued")]
    [InlineData("/models?cursor=bW9kZWw6YWJj", "cursor is not a cursor this API issued")]
    [InlineData("/models/1/contributions?kind=weights", "kind must be one of data, compute, fine-tune, evaluation")]
    [InlineData("/models/1/contributions?kind=4", "kind")]
    [InlineData("/models/1/contributions?status=gone", "status must be one of active, flagged, slashed, superseded")]
    [InlineData("/accounts/" + Account + "/contributions?modelId=one", "modelId")]
    public async Task Bad_input_is_a_400_problem_naming_the_parameter(string url, string expected)
    {
        var problem = await ProblemAsync(url, HttpStatusCode.BadRequest);
        Assert.Contains(expected, problem["detail"]!.GetValue<string>());
        Assert.NotEmpty(problem["errors"]!.AsObject());
    }

    [Theory]
    [InlineData("/models/99", "no model 99 is indexed")]
    [InlineData("/models/" + Uint256Max, "no model " + Uint256Max + " is indexed")]
    [InlineData("/models/9223372036854775808/contributions", "no model 9223372036854775808 is indexed")]
    [InlineData("/models/99/epochs", "no model 99 is indexed")]
    [InlineData("/contributions/" + ZeroHash, "no contribution " + ZeroHash + " is indexed")]
    [InlineData("/models/1/contributions/by-hash/" + ZeroHash, "model 1 has no contribution with content hash " + ZeroHash)]
    [InlineData("/models/99/contributions/by-hash/" + ZeroHash, "no model 99 is indexed")]
    [InlineData("/models/2/epochs/" + Uint256Max + "/proofs/" + Account, "model 2 has no epoch " + Uint256Max + " posted")]
    [InlineData("/no/such/route", "")]
    public async Task Unknown_things_are_a_404_problem(string url, string expected)
    {
        var problem = await ProblemAsync(url, HttpStatusCode.NotFound);
        Assert.Contains(expected, problem["detail"]?.GetValue<string>() ?? "");
    }

    [Fact]
    public async Task A_cursor_from_another_list_is_refused()
    {
        var contributions = await node.Client.GetJsonAsync("/models/1/contributions?limit=1");
        var foreign = contributions["next"]!.GetValue<string>();
        var problem = await ProblemAsync($"/models?cursor={foreign}", HttpStatusCode.BadRequest);
        Assert.Contains("cursor is not a cursor this API issued", problem["detail"]!.GetValue<string>());
        // Well-formed but out-of-range positions are refused too, not answered 500.
        var huge = PageCursor.Encode(ContributionsScope, 1, long.MaxValue, 0);
        await ProblemAsync($"/models/1/contributions?cursor={huge}", HttpStatusCode.BadRequest);
        var hugeClaim = PageCursor.Encode("claim", 1, (long)int.MaxValue + 1);
        var claims = await ProblemAsync($"/accounts/{Account}/claims?cursor={hugeClaim}", HttpStatusCode.BadRequest);
        Assert.Contains("its log position is out of range", claims["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Several_bad_parameters_are_all_reported_at_once()
    {
        var problem = await ProblemAsync($"/models/1/contributions?limit=0&kind=x&status=y&contributor={BadChecksum}", HttpStatusCode.BadRequest);
        Assert.Equal(["contributor", "kind", "limit", "status"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem()
    {
        using var response = await node.Client.PostAsync("/models", null);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private const string ContributionsScope = "contribution";

    private async Task<JsonNode> ProblemAsync(string url, HttpStatusCode expected)
    {
        using var response = await node.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url}: expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal((int)expected, problem["status"]!.GetValue<int>());
        Assert.NotNull(problem["title"]);
        return problem;
    }
}

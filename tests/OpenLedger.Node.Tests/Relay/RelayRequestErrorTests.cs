using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OpenLedger.Node.Tests.Relay.Support;

namespace OpenLedger.Node.Tests.Relay;

/// <summary>
/// What the relay says about a request it cannot use (issue 16, item 8): a signature of the right form that does not
/// verify is told apart from a malformed one, and a body that is not JSON, or holds a value of the wrong JSON type,
/// gets a problem details response naming the field instead of a bare 400.
/// </summary>
[Collection(RelayChainCollection.Name)]
public sealed class RelayRequestErrorTests(RelayChain chain)
{
    [Fact]
    public async Task A_well_formed_signature_by_another_key_is_said_to_recover_to_that_key()
    {
        var model = await chain.NewModelAsync();
        var contributor = chain.Wallet.GetAccount(11);
        var other = chain.Wallet.GetAccount(12);
        await using var node = chain.Node();
        using var client = node.CreateClient();
        var body = await chain.SignedBodyAsync(contributor, model, signer: other); // the contributor's message, another key

        var (status, problem) = await RelayChain.PostAsync(client, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Invalid signature", problem!["title"]!.GetValue<string>());
        Assert.StartsWith($"the signature recovers to {other.Address}, not to {contributor.Address}", problem["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("05", "its last byte v is 5, which is no recovery id")]
    [InlineData("1b", "does not verify")]
    public async Task Sixty_five_bytes_that_are_no_signature_do_not_verify_rather_than_being_malformed(string v, string expected)
    {
        var model = await chain.NewModelAsync();
        await using var node = chain.Node();
        using var client = node.CreateClient();
        var body = await chain.SignedBodyAsync(chain.Wallet.GetAccount(13), model);
        // r = 0 recovers no key; a v of 5 is no recovery id at all. Both are 65 bytes of 0x hex, so well-formed.
        body["signature"] = "0x" + new string('0', 128) + v;

        var (status, problem) = await RelayChain.PostAsync(client, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Invalid signature", problem!["title"]!.GetValue<string>());
        var detail = problem["detail"]!.GetValue<string>();
        Assert.Contains(expected, detail);
        Assert.DoesNotContain("65 bytes", detail);
    }

    [Fact]
    public async Task A_signature_of_the_wrong_length_is_malformed_and_says_its_length()
    {
        var model = await chain.NewModelAsync();
        await using var node = chain.Node();
        using var client = node.CreateClient();
        var body = await chain.SignedBodyAsync(chain.Wallet.GetAccount(13), model);
        body["signature"] = "0x1234";

        var (status, problem) = await RelayChain.PostAsync(client, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("signature must be 65 bytes of 0x hex (r, s, v) but is 6 characters", problem!["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"modelId\": 1}", "modelId must be a JSON string holding a decimal integer")]
    [InlineData("{\"modelId\": \"1\", \"uri\": 7}", "uri must be a JSON string")]
    [InlineData("{\"kind\": \"data\"}", "kind must be a JSON number: 0 (data)")]
    [InlineData("{\"permit\": [1]}", "permit must be a JSON object { value, deadline, signature }")]
    [InlineData("{\"modelId\": \"1\",", "the body is not valid JSON at line 1")]
    [InlineData("not json", "the body is not valid JSON at line 1, byte ")]
    [InlineData("null", "the body must be a JSON object but is null")]
    public async Task A_body_that_does_not_read_gets_a_problem_naming_the_field(string json, string expected)
    {
        await using var node = chain.Node();
        using var client = node.CreateClient();

        using var response = await client.PostAsync("/relay/register", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Invalid request", problem["title"]!.GetValue<string>());
        Assert.Contains(expected, problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_body_that_is_not_json_at_all_is_refused_with_415_as_a_problem()
    {
        await using var node = chain.Node();
        using var client = node.CreateClient();

        using var response = await client.PostAsync("/relay/register", new StringContent("modelId=1", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("MaxUriLength", "0", "Relay:MaxUriLength must be at least 1 but is 0")]
    [InlineData("MaxGasPerRequest", "21000", "Relay:MaxGasPerRequest must be at least 50000")]
    [InlineData("ContributorGasBudget", "1000", "Relay:ContributorGasBudget must be at least MaxGasPerRequest (300000) but is 1000")]
    [InlineData("ModelGasBudget", "500000", "Relay:ModelGasBudget must be at least ContributorGasBudget (1000000) but is 500000")]
    [InlineData("BudgetPeriod", "00:00:00", "Relay:BudgetPeriod must be positive")]
    public void A_relay_limit_out_of_range_stops_the_node_at_start(string setting, string value, string expected)
    {
        using var node = chain.Node(new Dictionary<string, string> { [setting] = value });
        var error = Assert.ThrowsAny<Exception>(() => node.CreateClient());
        Assert.Contains(expected, error.Message);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Cli.Tests.Support;
using OpenLedger.Contracts.Client;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Node.Relay;
using OpenLedger.TestSupport;

namespace OpenLedger.Cli.Tests;

/// <summary>POST /relay/register on the node started by `openledger node run`: every refusal is a problem and costs the relayer nothing.</summary>
[Collection(ChainCollection.Name)]
public sealed class RelayEndpointTests(ChainFixture chain)
{
    private async Task<(JsonObject Body, RegisterMessage Message)> SignedAsync(int signer, BigInteger model, BigInteger? deadlineOffset = null, BigInteger? nonce = null)
    {
        var deployment = OpenLedgerDeployment.Load(chain.DeploymentFile);
        var registry = deployment.Connect(chain.Rpc).Registry;
        var account = CliRunner.Account(signer);
        var now = (await chain.Rpc.GetBlockByNumberAsync(BlockTag.Latest))!.Timestamp;
        var message = new RegisterMessage(account.Address, model, Keccak.Hash(Guid.NewGuid().ToString()), 0, "ipfs://x", 0,
            nonce ?? await registry.NoncesAsync(account.Address), now + (deadlineOffset ?? 600));
        var signature = account.SignTypedData(message.ToTypedData(deployment.ChainId, deployment.ContributionRegistry.Address));
        return (new JsonObject
        {
            ["modelId"] = message.ModelId.ToString(), ["contentHash"] = message.ContentHash.ToString(), ["kind"] = 0, ["uri"] = message.Uri,
            ["bond"] = "0", ["contributor"] = account.Address.ToString(), ["nonce"] = message.Nonce.ToString(),
            ["deadline"] = message.Deadline.ToString(), ["signature"] = signature.ToHex(),
        }, message);
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(JsonObject body)
    {
        using var http = new HttpClient { BaseAddress = chain.NodeUrl };
        using var response = await http.PostAsJsonAsync("/relay/register", body);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [Fact]
    public async Task Node_run_with_a_wrong_relay_password_stops_at_start_with_one_line_instead_of_failing_requests_later()
    {
        const string wrong = "not the relayer password";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var port = LoopbackPort.Free();
        var run = await CliRunner.RunAsync(
            chain.Args("node", "run", "--urls", $"http://127.0.0.1:{port}", "--database", chain.Directory.File("wrong-relay.db"),
                "--relay-keystore", chain.RelayKeystore, "--relay-password-env", "OL_WRONG_RELAY_PASSWORD"),
            new Dictionary<string, string> { ["OL_WRONG_RELAY_PASSWORD"] = wrong }, extraSecrets: [wrong], ct: timeout.Token);
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("Relay:KeystorePassword does not open Relay:KeystorePath", run.Err);
        Assert.DoesNotContain(wrong, run.All);
    }

    /// <summary>A model without a minimum bond, created by this test (other tests' models may require one).</summary>
    private async Task<BigInteger> CreateModelAsync()
    {
        var run = await chain.RunAsync(["model", "create", "--metadata-uri", "ipfs://relay", "--json", .. ChainFixture.Signer(0)]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return BigInteger.Parse(JsonNode.Parse(run.Out)!["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refusals_are_problems_and_the_relayer_spends_no_gas()
    {
        var model = await CreateModelAsync();
        var relayer = CliRunner.Account(ChainFixture.RelayerIndex).Address;
        var nonceBefore = await chain.Rpc.GetTransactionCountAsync(relayer, BlockTag.Latest);

        var expired = await PostAsync((await SignedAsync(6, model, deadlineOffset: -1)).Body);
        Assert.Equal(HttpStatusCode.BadRequest, expired.Status);
        Assert.Equal("Signature expired", expired.Body["title"]!.GetValue<string>());

        var forged = (await SignedAsync(6, model)).Body;
        forged["contributor"] = CliRunner.Account(7).Address.ToString();
        var invalid = await PostAsync(forged);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Equal("Invalid signature", invalid.Body["title"]!.GetValue<string>());

        var wrongNonce = await PostAsync((await SignedAsync(6, model, nonce: 42)).Body);
        Assert.Equal(HttpStatusCode.Conflict, wrongNonce.Status);

        var unknownModel = await PostAsync((await SignedAsync(6, 9999)).Body);
        Assert.Equal(HttpStatusCode.NotFound, unknownModel.Status);

        var malformed = await PostAsync(new JsonObject { ["modelId"] = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);

        Assert.Equal(nonceBefore, await chain.Rpc.GetTransactionCountAsync(relayer, BlockTag.Latest));
    }

    [Fact]
    public async Task A_valid_signature_is_sent_with_registerBySig_and_the_rate_limit_is_per_contributor()
    {
        var model = await CreateModelAsync();
        var ok = await PostAsync((await SignedAsync(8, model)).Body);
        Assert.True(ok.Status == HttpStatusCode.OK, ok.Body.ToJsonString());
        Assert.StartsWith("0x", ok.Body["transactionHash"]!.GetValue<string>());

        // The default limit is 5 per minute per contributor: the 7th request of one contributor is refused; others are not.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++) statuses.Add((await PostAsync((await SignedAsync(10, model, nonce: 1000)).Body)).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await PostAsync((await SignedAsync(6, model, nonce: 1000)).Body)).Status);
    }
}

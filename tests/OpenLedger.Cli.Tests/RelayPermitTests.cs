using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Cli.Tests.Support;
using OpenLedger.Contracts.Client;
using OpenLedger.Contracts.Registry;
using OpenLedger.Ethereum.Accounts;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Ethereum.Sending;
using OpenLedger.Node.Relay;

namespace OpenLedger.Cli.Tests;

/// <summary>
/// Bonded gasless registration: contributors beyond Hardhat's 20 funded accounts hold OPEN (sent by the deployer) but
/// no ETH, so they cannot approve; the relay sends their EIP-2612 permit, then registerBySig.
/// </summary>
[Collection(ChainCollection.Name)]
public sealed class RelayPermitTests(ChainFixture chain)
{
    private static readonly BigInteger Bond = BigInteger.Pow(10, 18);
    private static readonly Address Relayer = CliRunner.Account(ChainFixture.RelayerIndex).Address;

    private OpenLedgerDeployment Deployment => OpenLedgerDeployment.Load(chain.DeploymentFile);

    /// <summary>Account <paramref name="index"/> (≥ 20: no ETH at genesis) funded with OPEN only.</summary>
    private async Task<Account> GaslessContributorAsync(int index)
    {
        var account = CliRunner.Account(index);
        Assert.Equal(BigInteger.Zero, await chain.Rpc.GetBalanceAsync(account.Address, BlockTag.Latest));
        var deployer = await EthereumClient.ConnectAsync(chain.Rpc, CliRunner.Account(0));
        await Deployment.Connect(deployer).Token.TransferAsync(account.Address, 10 * Bond);
        return account;
    }

    private async Task<BigInteger> BondedModelAsync()
    {
        var run = await chain.RunAsync(["model", "create", "--metadata-uri", "ipfs://bonded", "--min-bond", "1", "--json", .. ChainFixture.Signer(0)]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return BigInteger.Parse(JsonNode.Parse(run.Out)!["model"]!.GetValue<string>());
    }

    private async Task<BigInteger> NowAsync() => (await chain.Rpc.GetBlockByNumberAsync(BlockTag.Latest))!.Timestamp;

    /// <summary>A Register message for a fresh content hash, bond = 1 OPEN, signed by <paramref name="contributor"/>.</summary>
    private async Task<(JsonObject Body, RegisterMessage Message)> SignedRegisterAsync(Account contributor, BigInteger model)
    {
        var services = Deployment.Connect(chain.Rpc);
        var message = new RegisterMessage(contributor.Address, model, Keccak.Hash(Guid.NewGuid().ToString()), 0, "ipfs://permit", Bond,
            await services.Registry.NoncesAsync(contributor.Address), await NowAsync() + 600);
        var signature = contributor.SignTypedData(message.ToTypedData(Deployment.ChainId, Deployment.ContributionRegistry.Address));
        return (new JsonObject
        {
            ["modelId"] = model.ToString(), ["contentHash"] = message.ContentHash.ToString(), ["kind"] = 0, ["uri"] = message.Uri,
            ["bond"] = Bond.ToString(), ["contributor"] = contributor.Address.ToString(), ["nonce"] = message.Nonce.ToString(),
            ["deadline"] = message.Deadline.ToString(), ["signature"] = signature.ToHex(),
        }, message);
    }

    /// <summary>A permit by <paramref name="signer"/> for owner <paramref name="owner"/>, spender = the registry.</summary>
    private async Task<(JsonObject Json, PermitMessage Message, Ethereum.Signing.Signature Signature)> PermitAsync(
        Account signer, Address owner, BigInteger? value = null, BigInteger? deadlineOffset = null, BigInteger? nonceOffset = null)
    {
        var token = Deployment.Connect(chain.Rpc).Token;
        var message = new PermitMessage(owner, Deployment.ContributionRegistry.Address, value ?? Bond,
            await token.NoncesAsync(owner) + (nonceOffset ?? 0), await NowAsync() + (deadlineOffset ?? 600));
        var signature = signer.SignTypedData(message.ToTypedData(await token.Eip712DomainAsync()));
        return (new JsonObject { ["value"] = message.Value.ToString(), ["deadline"] = message.Deadline.ToString(), ["signature"] = signature.ToHex() },
            message, signature);
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(JsonObject body)
    {
        using var http = new HttpClient { BaseAddress = chain.NodeUrl };
        using var response = await http.PostAsJsonAsync("/relay/register", body);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [Fact]
    public async Task A_contributor_with_OPEN_and_no_ETH_registers_a_bonded_contribution_with_gasless_contribute()
    {
        var model = await BondedModelAsync();
        var contributor = await GaslessContributorAsync(21);
        var token = Deployment.Connect(chain.Rpc).Token;
        var openBefore = await token.BalanceOfAsync(contributor.Address);
        var file = chain.Directory.File("permit-gasless.txt");
        await File.WriteAllTextAsync(file, "bonded without ETH");

        var run = await chain.RunAsync(["contribute", "--model", model.ToString(), "--file", file, "--kind", "data", "--gasless", "--json", .. ChainFixture.Signer(21)]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var result = JsonNode.Parse(run.Out)!;
        Assert.StartsWith("0x", result["permitTransaction"]!.GetValue<string>());
        Assert.Equal(BigInteger.Zero, await chain.Rpc.GetBalanceAsync(contributor.Address, BlockTag.Latest));
        Assert.Equal(openBefore - Bond, await token.BalanceOfAsync(contributor.Address));
        var registered = await Deployment.Connect(chain.Rpc).Registry.ContributionAsync(model, Keccak.Hash(File.ReadAllBytes(file)));
        Assert.Equal(Status.Active, registered.Status);
        Assert.Equal(contributor.Address, registered.Contributor);
        Assert.Equal(Bond, registered.Bond);
        Assert.Equal(BigInteger.Zero, await token.AllowanceAsync(contributor.Address, Deployment.ContributionRegistry.Address));
    }

    // One contributor per case, so the relay's per-contributor rate limit never answers instead of the permit check.
    public static TheoryData<string, int, HttpStatusCode, string> BadPermits => new()
    {
        { "wrong signer", 30, HttpStatusCode.BadRequest, "Invalid permit signature" },
        { "expired", 31, HttpStatusCode.BadRequest, "Permit expired" },
        { "value below bond", 32, HttpStatusCode.UnprocessableEntity, "Permit too low" },
        { "wrong token nonce", 33, HttpStatusCode.BadRequest, "Invalid permit signature" },
        { "malformed signature", 34, HttpStatusCode.BadRequest, "Invalid request" },
        { "malformed value", 35, HttpStatusCode.BadRequest, "Invalid request" },
        { "no permit", 36, HttpStatusCode.UnprocessableEntity, "Allowance too low" },
    };

    [Theory]
    [MemberData(nameof(BadPermits))]
    public async Task A_bad_permit_is_refused_as_a_problem_and_nothing_is_sent(string flaw, int index, HttpStatusCode status, string title)
    {
        var model = await BondedModelAsync();
        var contributor = await GaslessContributorAsync(index);
        var (body, _) = await SignedRegisterAsync(contributor, model);
        body["permit"] = flaw switch
        {
            "wrong signer" => (await PermitAsync(CliRunner.Account(7), contributor.Address)).Json,
            "expired" => (await PermitAsync(contributor, contributor.Address, deadlineOffset: -1)).Json,
            "value below bond" => (await PermitAsync(contributor, contributor.Address, value: Bond - 1)).Json,
            "wrong token nonce" => (await PermitAsync(contributor, contributor.Address, nonceOffset: 1)).Json,
            "malformed signature" => new JsonObject { ["value"] = Bond.ToString(), ["deadline"] = (await NowAsync() + 600).ToString(), ["signature"] = "0x1234" },
            "malformed value" => new JsonObject { ["value"] = "-1", ["deadline"] = (await NowAsync() + 600).ToString(), ["signature"] = (await PermitAsync(contributor, contributor.Address)).Json["signature"]!.GetValue<string>() },
            _ => null,
        };
        var relayerNonce = await chain.Rpc.GetTransactionCountAsync(Relayer, BlockTag.Latest);
        var relayerEth = await chain.Rpc.GetBalanceAsync(Relayer, BlockTag.Latest);

        var (answer, problem) = await PostAsync(body);

        Assert.True(answer == status, problem.ToJsonString());
        Assert.Equal(title, problem["title"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()));
        Assert.Equal(relayerNonce, await chain.Rpc.GetTransactionCountAsync(Relayer, BlockTag.Latest));
        Assert.Equal(relayerEth, await chain.Rpc.GetBalanceAsync(Relayer, BlockTag.Latest));
        Assert.Equal(BigInteger.Zero, await Deployment.Connect(chain.Rpc).Token.AllowanceAsync(contributor.Address, Deployment.ContributionRegistry.Address));
    }

    [Fact]
    public async Task A_permit_front_run_before_the_request_does_not_fail_the_registration()
    {
        var model = await BondedModelAsync();
        var contributor = await GaslessContributorAsync(23);
        var (body, message) = await SignedRegisterAsync(contributor, model);
        var permit = await PermitAsync(contributor, contributor.Address);
        body["permit"] = permit.Json;
        // Someone else submits the contributor's permit first: the allowance is set, the token nonce moved on.
        await FrontRunAsync(permit.Message, permit.Signature);

        var (status, answer) = await PostAsync(body);

        Assert.True(status == HttpStatusCode.OK, answer.ToJsonString());
        Assert.Null(answer["permitTransactionHash"]);
        var registered = await Deployment.Connect(chain.Rpc).Registry.ContributionAsync(model, message.ContentHash);
        Assert.Equal(Bond, registered.Bond);
        Assert.Equal(BigInteger.Zero, await chain.Rpc.GetBalanceAsync(contributor.Address, BlockTag.Latest));
    }

    [Fact]
    public async Task A_permit_front_run_between_the_checks_and_the_send_costs_no_gas_and_lets_the_registration_go_on()
    {
        var model = await BondedModelAsync();
        var contributor = await GaslessContributorAsync(24);
        var (_, message) = await SignedRegisterAsync(contributor, model);
        var permit = await PermitAsync(contributor, contributor.Address);
        await FrontRunAsync(permit.Message, permit.Signature);
        var relayer = await EthereumClient.ConnectAsync(chain.Rpc, CliRunner.Account(8));
        var nonceBefore = await chain.Rpc.GetTransactionCountAsync(relayer.Account.Address, BlockTag.Latest);

        var services = Deployment.Connect(relayer);
        var (transaction, refusal) = await RelayPermits.SubmitAsync(services, Submitter(services), message,
            new SignedPermit(permit.Message.Value, permit.Message.Deadline, permit.Signature.ToBytes()), CancellationToken.None);

        Assert.Null(refusal);
        Assert.Null(transaction);
        Assert.Equal(nonceBefore, await chain.Rpc.GetTransactionCountAsync(relayer.Account.Address, BlockTag.Latest));
    }

    [Fact]
    public async Task A_permit_that_reverts_while_the_allowance_stays_short_is_a_refusal_not_a_registration()
    {
        var model = await BondedModelAsync();
        var contributor = await GaslessContributorAsync(25);
        var (_, message) = await SignedRegisterAsync(contributor, model);
        var stale = await PermitAsync(contributor, contributor.Address, nonceOffset: 1);
        var relayer = await EthereumClient.ConnectAsync(chain.Rpc, CliRunner.Account(8));

        var services = Deployment.Connect(relayer);
        var (transaction, refusal) = await RelayPermits.SubmitAsync(services, Submitter(services), message,
            new SignedPermit(stale.Message.Value, stale.Message.Deadline, stale.Signature.ToBytes()), CancellationToken.None);

        Assert.Null(transaction);
        Assert.Equal("Permit reverted", refusal?.Title);
        Assert.Contains($"may pull only 0 wei of OPEN from {contributor.Address} but the bond is {Bond}", refusal?.Detail);
    }

    /// <summary>The relay's submitter with default limits, sending as <paramref name="services"/>' account.</summary>
    private static RelaySubmitter Submitter(OpenLedgerServices services) =>
        new(services, new RelayBudget(Microsoft.Extensions.Options.Options.Create(new RelayOptions())), new RelayOptions());

    private async Task FrontRunAsync(PermitMessage permit, Ethereum.Signing.Signature signature)
    {
        var other = await EthereumClient.ConnectAsync(chain.Rpc, CliRunner.Account(7));
        await Deployment.Connect(other).Token.PermitAsync(permit.Owner, permit.Spender, permit.Value, permit.Deadline, signature.V, signature.R, signature.S);
        Assert.Equal(permit.Value, await Deployment.Connect(chain.Rpc).Token.AllowanceAsync(permit.Owner, permit.Spender));
    }
}

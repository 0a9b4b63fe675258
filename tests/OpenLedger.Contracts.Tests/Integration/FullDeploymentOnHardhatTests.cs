using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Contracts.Binding;
using OpenLedger.Contracts.Client;
using OpenLedger.Contracts.Distributor;
using OpenLedger.Contracts.Registry;
using OpenLedger.Contracts.Shares;
using OpenLedger.Contracts.Tests.Sync;
using OpenLedger.Contracts.Token;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Ethereum.Sending;
using OpenLedger.TestSupport;

namespace OpenLedger.Contracts.Tests.Integration;

/// <summary>
/// All four contracts deployed and wired from C# (as scripts/lib/deployment.js does), then driven through the
/// generated services from a deployment file: model, reward pool, epoch, claim, and the typed reverts on the way.
/// </summary>
public sealed class FullDeploymentOnHardhatTests(ChainFixture chain) : IClassFixture<ChainFixture>
{
    private const ulong ChallengeWindow = 3600;

    private static byte[] Bytecode(string name)
    {
        var relative = $"artifacts/contracts/{name}.sol/{name}.json";
        _ = HardhatArtifacts.Read(relative);
        return HardhatArtifact.Load(RepoPaths.Combine(relative)).Bytecode;
    }

    private async Task<string> DeployAllAsync(EthereumClient admin)
    {
        var me = admin.Account.Address;
        var (token, t) = await ContractClient.DeployAsync(admin, Bytecode("OpenToken"), new OpenTokenDeployment(me));
        var (registry, r) = await ContractClient.DeployAsync(admin, Bytecode("ContributionRegistry"), new ContributionRegistryDeployment(token.Address, me));
        var (shares, s) = await ContractClient.DeployAsync(admin, Bytecode("ModelShares"), new ModelSharesDeployment(token.Address, registry.Address, me));
        var (distributor, d) = await ContractClient.DeployAsync(admin, Bytecode("RewardDistributor"),
            new RewardDistributorDeployment(token.Address, registry.Address, shares.Address, me, ChallengeWindow));
        await registry.SendAsync(new Registry.SetRewardDistributorFunction(distributor.Address));
        await shares.SendAsync(new Shares.SetRewardDistributorFunction(distributor.Address));
        await distributor.SendAsync(new GrantRoleFunction(await distributor.CallAsync(new ReporterRoleFunction()), me));

        JsonObject Entry(ContractClient c, TransactionReceipt receipt) => new() { ["address"] = c.Address.ToString(), ["deploymentBlock"] = receipt.BlockNumber };
        var file = Path.Combine(Path.GetTempPath(), $"openledger-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, new JsonObject
        {
            ["network"] = "localhost",
            ["chainId"] = HardhatNode.ChainId,
            ["contracts"] = new JsonObject
            {
                ["OpenToken"] = Entry(token, t), ["ContributionRegistry"] = Entry(registry, r),
                ["ModelShares"] = Entry(shares, s), ["RewardDistributor"] = Entry(distributor, d),
            },
        }.ToJsonString());
        return file;
    }

    [Fact]
    public async Task An_epoch_is_posted_and_claimed_through_the_generated_services()
    {
        var adminClient = chain.Client(0);
        var contributorClient = chain.Client(1);
        var contributor = contributorClient.Account.Address;
        var file = await DeployAllAsync(adminClient);
        var deployment = OpenLedgerDeployment.Load(file);
        File.Delete(file);
        var admin = deployment.Connect(adminClient);
        var asContributor = deployment.Connect(contributorClient);
        var reader = deployment.Connect(chain.Rpc);

        await admin.Registry.CreateModelAsync("ipfs://model", new Policy(0, 0, 0, 1000, 2000, false, 0));
        await admin.Token.MintAsync(adminClient.Account.Address, 1000);
        await admin.Token.ApproveAsync(deployment.RewardDistributor.Address, 1000);
        var funded = await admin.Distributor.FundRewardPoolAsync(1, 1000);
        Assert.Equal(new RewardPoolFundedEvent(1, adminClient.Account.Address, 1000), funded.Events<RewardPoolFundedEvent>().Single());

        // A one-leaf StandardMerkleTree: the root is the leaf, the proof is empty.
        var leaf = Keccak.Hash(Keccak.Hash(AbiEncoder.Encode(
            [AbiType.UInt256, AbiType.Address, AbiType.UInt256, AbiType.UInt256], [0, contributor, 400, 10])).AsSpan());
        var reportHash = Keccak.Hash("report");
        // No epoch is posted before the model owner (here the admin) seals its evaluation set.
        var unsealed = await Assert.ThrowsAsync<ContractRevertException>(() => admin.Distributor.PostEpochAsync(1, 1, leaf, 400, 10, reportHash, "ipfs://report"));
        Assert.True(unsealed.TryGetError<DistributorEvaluationNotCommittedError>(out var notCommitted));
        Assert.Equal(new DistributorEvaluationNotCommittedError(1, 1), notCommitted);
        var testSetHash = Keccak.Hash("test set");
        var sealedSet = await admin.Distributor.CommitEvaluationSetAsync(1, 1, testSetHash);
        Assert.Equal(new EvaluationSetCommittedEvent(1, 1, testSetHash), sealedSet.Events<EvaluationSetCommittedEvent>().Single());
        var commitment = await reader.Distributor.EvaluationCommitmentAsync(1, 1);
        Assert.Equal((testSetHash, sealedSet.BlockNumber), (commitment.TestSetHash, commitment.CommittedAtBlock));
        var posted = (await admin.Distributor.PostEpochAsync(1, 1, leaf, 400, 10, reportHash, "ipfs://report")).Events<EpochPostedEvent>().Single();
        Assert.Equal((leaf, (BigInteger)400, (BigInteger)10, reportHash, "ipfs://report"), (posted.Root, posted.TotalOpen, posted.TotalShares, posted.ReportHash, posted.ReportURI));

        var early = await Assert.ThrowsAsync<ContractRevertException>(() => asContributor.Distributor.ClaimAsync(1, 1, 0, contributor, 400, 10, []));
        Assert.True(early.TryGetError<DistributorChallengeWindowOpenError>(out var open));
        Assert.Equal(posted.ChallengeEndsAt, open.EndsAt);

        await chain.Rpc.IncreaseTimeAsync(ChallengeWindow + 1);
        await chain.Rpc.MineAsync();
        var claim = await asContributor.Distributor.ClaimAsync(1, 1, 0, contributor, 400, 10, []);
        Assert.Equal(new ClaimedEvent(1, 1, contributor, 0, 400, 10), claim.Events<ClaimedEvent>(deployment.RewardDistributor.Address).Single());
        Assert.Equal(new TransferEvent(deployment.RewardDistributor.Address, contributor, 400), claim.Events<TransferEvent>(deployment.OpenToken.Address).Single());
        var minted = claim.Events<TransferSingleEvent>(deployment.ModelShares.Address).Single();
        Assert.Equal((Address.Zero, contributor, (BigInteger)1, (BigInteger)10), (minted.From, minted.To, minted.Id, minted.Value));

        Assert.True(await reader.Distributor.IsClaimedAsync(1, 1, 0));
        Assert.Equal((BigInteger)1, await reader.Distributor.LastEpochAsync(1));
        Assert.Equal((BigInteger)600, await reader.Distributor.RewardPoolAsync(1));
        Assert.Equal((BigInteger)10, await reader.Shares.BalanceOfAsync(contributor, 1));
        Assert.Equal((BigInteger)400, await reader.Token.BalanceOfAsync(contributor));
        var epoch = await reader.Distributor.EpochAsync(1, 1);
        Assert.Equal((EpochStatus.Posted, (BigInteger)0, (BigInteger)0), (epoch.Status, epoch.OpenRemaining, epoch.SharesRemaining));

        var logs = await chain.Rpc.GetLogsAsync(RewardDistributorAbi.Events.Filter(
            deployment.RewardDistributor.Address, deployment.RewardDistributor.DeploymentBlock, BlockTag.Latest));
        var history = logs.Select(l => RewardDistributorAbi.Events.Decode(l)!.Event.Name).ToList();
        // The constructor grants the admin role and sets the challenge window; wiring grants the reporter role.
        Assert.Equal(["RoleGranted", "ChallengeWindowUpdated", "RoleGranted", "RewardPoolFunded", "EvaluationSetCommitted", "EpochPosted", "Claimed"], history);

        var again = await Assert.ThrowsAsync<ContractRevertException>(() => asContributor.Distributor.ClaimAsync(1, 1, 0, contributor, 400, 10, []));
        Assert.True(again.TryGetError<DistributorAlreadyClaimedError>(out var claimed));
        Assert.Equal(new DistributorAlreadyClaimedError(1, 1, 0), claimed);

        var denied = await Assert.ThrowsAsync<ContractRevertException>(() => asContributor.Distributor.PostEpochAsync(1, 2, leaf, 1, 1, reportHash, ""));
        Assert.True(denied.TryGetError<AccessControlUnauthorizedAccountError>(out var role));
        Assert.Equal((contributor, await reader.Distributor.ReporterRoleAsync()), (role.Account, role.NeededRole));
    }

    [Fact]
    public async Task Read_only_services_refuse_to_send_naming_the_fix()
    {
        var file = await DeployAllAsync(chain.Client(2));
        var reader = OpenLedgerDeployment.Load(file).Connect(chain.Rpc);
        File.Delete(file);
        var ex = await Assert.ThrowsAsync<OpenLedger.Ethereum.EthereumException>(() => reader.Registry.CreateModelAsync("x", default));
        Assert.Contains("read-only", ex.Message);
        Assert.Equal((BigInteger)0, await reader.Registry.ModelCountAsync());
    }
}

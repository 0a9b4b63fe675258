using System.Numerics;
using OpenLedger.Contracts.Binding;
using OpenLedger.Contracts.Client;
using OpenLedger.Contracts.Registry;
using OpenLedger.Contracts.Tests.Sync;
using OpenLedger.Contracts.Token;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.TestSupport;

namespace OpenLedger.Contracts.Tests.Integration;

/// <summary>OpenToken and ContributionRegistry deployed from their artifacts; a contribution registered through the bindings.</summary>
public sealed class RegistryOnHardhatTests(ChainFixture chain) : IClassFixture<ChainFixture>
{
    private static HardhatArtifact Artifact(string name)
    {
        var relative = $"artifacts/contracts/{name}.sol/{name}.json";
        _ = HardhatArtifacts.Read(relative);
        return HardhatArtifact.Load(RepoPaths.Combine(relative));
    }

    [Fact]
    public async Task Model_creation_and_registration_emit_events_the_bindings_decode_and_duplicates_revert_typed()
    {
        var admin = chain.Client(0);
        var contributor = chain.Client(1);
        var (token, _) = await ContractClient.DeployAsync(admin, Artifact("OpenToken").Bytecode, new OpenTokenDeployment(admin.Account.Address));
        var (registry, _) = await ContractClient.DeployAsync(admin, Artifact("ContributionRegistry").Bytecode,
            new ContributionRegistryDeployment(token.Address, admin.Account.Address));

        var policy = new Policy(MinBond: 1_000_000_000, BondLock: 3600, DisputeWindow: 600, OwnerBps: 1000, PoolBps: 2000, CommitReveal: false, MinPrecisionBps: 0);
        var created = (await registry.SendAsync(new CreateModelFunction("ipfs://model", policy))).Events<ModelCreatedEvent>(registry.Address).Single();
        Assert.Equal(new ModelCreatedEvent(1, admin.Account.Address, "ipfs://model", policy), created);
        Assert.Equal(policy, await registry.CallAsync(new ModelPolicyFunction(1)));

        var bond = new BigInteger(2_000_000_000);
        await token.SendAsync(new MintFunction(contributor.Account.Address, bond * 10));
        var asContributor = new ContractClient(contributor, registry.Address);
        await new ContractClient(contributor, token.Address).SendAsync(new ApproveFunction(registry.Address, bond * 10));

        var entry = new Entry(Keccak.Hash("dataset-v1"), Kind.Data, bond, "ipfs://data");
        var receipt = await asContributor.SendAsync(new RegisterFunction(1, entry));
        var registered = receipt.Events<ContributionRegisteredEvent>(registry.Address).Single();
        var expectedId = await registry.CallAsync(new ContributionIdFunction(1, entry.ContentHash));
        Assert.Equal(new ContributionRegisteredEvent(expectedId, 1, contributor.Account.Address, entry.ContentHash, Kind.Data, bond, "ipfs://data"), registered);
        Assert.Equal(new TransferEvent(contributor.Account.Address, registry.Address, bond), receipt.Events<TransferEvent>(token.Address).Single());
        var decoded = receipt.Logs.Select(l => ContributionRegistryAbi.Events.Decode(l)).ToList();
        Assert.Equal(registered, Assert.Single(decoded.OfType<ContributionRegisteredEvent>()));
        Assert.Single(decoded, e => e is null); // the token's Transfer is not a registry event
        var stored = await registry.CallAsync(new ContributionFunction(1, entry.ContentHash));
        Assert.Equal((contributor.Account.Address, Status.Active, bond), (stored.Contributor, stored.Status, stored.Bond));

        var revert = await Assert.ThrowsAsync<ContractRevertException>(() => asContributor.SendAsync(new RegisterFunction(1, entry)));
        Assert.True(revert.TryGetError<RegistryDuplicateContentError>(out var duplicate));
        Assert.Equal(new RegistryDuplicateContentError(1, entry.ContentHash, expectedId), duplicate);
    }
}

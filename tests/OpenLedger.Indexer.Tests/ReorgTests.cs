using OpenLedger.Contracts.Distributor;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Indexer.Chain;
using OpenLedger.Indexer.Deployment;
using OpenLedger.Indexer.Sync;
using OpenLedger.Indexer.Tests.Support;

namespace OpenLedger.Indexer.Tests;

public sealed class ReorgChain() : LoadedChain(200);

/// <summary>Reorgs made with evm_snapshot / evm_revert and replacement blocks of different content, on each store engine.</summary>
public sealed class ReorgTests(ReorgChain chain, StoreEngines engines) : IClassFixture<ReorgChain>, IClassFixture<StoreEngines>
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task After_each_of_20_seeded_reorgs_of_depth_1_to_10_the_database_equals_a_fresh_index(string engineName)
    {
        var engine = engines[engineName];
        var random = new Random(20261124 + Salt(engineName));
        var rpc = Harness.Client(chain.Node.Url);
        var driver = await ChainDriver.CreateAsync(rpc, DeploymentFile.Load(chain.DeploymentFile).Registry.Address);
        var options = Harness.Options(chain.Node.Url, chain.DeploymentFile, "unused", range: 5, maxRange: 50);
        var store = engine.Create("reorg");
        var indexer = Harness.Indexer(new RpcChainReader(rpc), options, store);
        await indexer.InitializeAsync(CancellationToken.None);
        await indexer.RunAsync(stopAtHead: true, CancellationToken.None);

        var reorgs = 0;
        for (var i = 0; i < 20; i++)
        {
            var depth = random.Next(1, 11);
            var snapshot = await rpc.SnapshotAsync();
            await driver.MineAsync(depth, random);
            await indexer.RunAsync(stopAtHead: true, CancellationToken.None);

            Assert.True(await rpc.RevertAsync(snapshot));
            await driver.MineAsync(random.Next(1, 12), random);
            var outcomes = await StepToHeadAsync(indexer);
            if (outcomes.Contains(SyncOutcome.Reorg)) reorgs++;

            var fresh = await Harness.FreshDumpAsync(chain.Node.Url, chain.DeploymentFile, engine.Create($"fresh-{i}"));
            Assert.Equal(fresh, DatabaseDump.Canonical(store));
        }
        Assert.Equal(20, reorgs);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task An_evaluation_set_sealed_in_a_reorged_block_leaves_the_index_with_it(string engineName)
    {
        var engine = engines[engineName];
        var rpc = Harness.Client(chain.Node.Url);
        var deployment = DeploymentFile.Load(chain.DeploymentFile);
        var accounts = await rpc.GetAccountsAsync();
        var driver = new ChainDriver(rpc, deployment.Registry.Address, accounts);
        var store = engine.Create("sealed-reorg");
        var indexer = Harness.Indexer(new RpcChainReader(rpc), Harness.Options(chain.Node.Url, chain.DeploymentFile, "unused", range: 5, maxRange: 50), store);
        await indexer.InitializeAsync(CancellationToken.None);
        await indexer.RunAsync(stopAtHead: true, CancellationToken.None);

        // Account 1 owns model 1, which has no epoch yet: it seals epoch 1, the indexer stores it, then the block is reorged out.
        var snapshot = await rpc.SnapshotAsync();
        var seal = new CommitEvaluationSetFunction(1, 1, Keccak.Hash("a test set on the losing branch")).Encode();
        await rpc.SendTransactionAsync(new CallRequest { From = accounts[1], To = deployment.Distributor.Address, Data = seal, Gas = 200_000 });
        await indexer.RunAsync(stopAtHead: true, CancellationToken.None);
        Assert.NotNull(await store.GetEvaluationCommitmentAsync(1, 1, CancellationToken.None));

        Assert.True(await rpc.RevertAsync(snapshot));
        await driver.MineAsync(3, new Random(14 + Salt(engineName)));
        Assert.Contains(SyncOutcome.Reorg, await StepToHeadAsync(indexer));
        Assert.Null(await store.GetEvaluationCommitmentAsync(1, 1, CancellationToken.None));
        var fresh = await Harness.FreshDumpAsync(chain.Node.Url, chain.DeploymentFile, engine.Create("sealed-fresh"));
        Assert.Equal(fresh, DatabaseDump.Canonical(store));
    }

    // Both engines' runs mine on the one chain of the class: each engine its own seeds, so no run registers content
    // another run already left on the chain.
    private static int Salt(string engineName) => engineName == "sqlite" ? 0 : 1_000;

    private static async Task<List<SyncOutcome>> StepToHeadAsync(ChainIndexer indexer)
    {
        var outcomes = new List<SyncOutcome>();
        for (var steps = 0; steps < 1_000; steps++)
        {
            var outcome = await indexer.StepAsync(CancellationToken.None);
            outcomes.Add(outcome);
            if (outcome is SyncOutcome.NothingNew) return outcomes;
        }
        throw new InvalidOperationException($"no NothingNew after 1,000 steps: {string.Join(", ", outcomes.TakeLast(10))}");
    }
}

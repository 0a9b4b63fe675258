using OpenLedger.Ethereum.Rpc;
using OpenLedger.Indexer.Chain;
using OpenLedger.Indexer.Deployment;
using OpenLedger.Indexer.Store.Sqlite;
using OpenLedger.Indexer.Sync;
using OpenLedger.Indexer.Tests.Support;

namespace OpenLedger.Indexer.Tests;

public sealed class ReorgChain() : LoadedChain(200);

/// <summary>Reorgs made with evm_snapshot / evm_revert and replacement blocks of different content.</summary>
public sealed class ReorgTests(ReorgChain chain) : IClassFixture<ReorgChain>
{
    [Fact]
    public async Task After_each_of_20_seeded_reorgs_of_depth_1_to_10_the_database_equals_a_fresh_index()
    {
        var random = new Random(20261124);
        var rpc = Harness.Client(chain.Node.Url);
        var driver = await ChainDriver.CreateAsync(rpc, DeploymentFile.Load(chain.DeploymentFile).Registry.Address);
        var db = chain.Directory.File("reorg.db");
        var options = Harness.Options(chain.Node.Url, chain.DeploymentFile, db, range: 5, maxRange: 50);
        var store = new SqliteIndexStore(db);
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

            var fresh = await Harness.FreshDumpAsync(chain.Node.Url, chain.DeploymentFile, chain.Directory.File($"fresh-{i}.db"));
            Assert.Equal(fresh, DatabaseDump.Canonical(db));
        }
        Assert.Equal(20, reorgs);
    }

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

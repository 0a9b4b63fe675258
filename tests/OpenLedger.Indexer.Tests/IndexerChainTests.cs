using System.Numerics;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Indexer.Chain;
using OpenLedger.Indexer.Deployment;
using OpenLedger.Indexer.Store.Sqlite;
using OpenLedger.Indexer.Store.Views;
using OpenLedger.Indexer.Tests.Support;

namespace OpenLedger.Indexer.Tests;

/// <summary>Indexing a real node running the real contracts; state is checked against the contracts' own views.</summary>
public sealed class IndexerChainTests(SmallLoadedChain chain) : IClassFixture<SmallLoadedChain>
{
    private static readonly AbiFunction BalanceOf = AbiFunction.Parse("function balanceOf(address account, uint256 id) returns (uint256)");
    private static readonly AbiFunction TotalSupply = AbiFunction.Parse("function totalSupply(uint256 id) returns (uint256)");
    private static readonly AbiFunction ContributionOf = AbiFunction.Parse(
        "function contribution(uint256 modelId, bytes32 contentHash) returns ((address contributor, uint64 registeredAt, uint64 flaggedAt, uint256 bond, uint8 status))");
    private static readonly AbiFunction EpochOf = AbiFunction.Parse(
        "function epoch(uint256 modelId, uint256 epoch) returns ((bytes32 root, bytes32 reportHash, uint128 totalOpen, uint128 totalShares, uint128 openRemaining, uint128 sharesRemaining, uint64 challengeEndsAt, uint8 status))");
    private static readonly AbiFunction ContributionId = AbiFunction.Parse("function contributionId(uint256 modelId, bytes32 contentHash) returns (bytes32)");
    private static readonly string[] Statuses = ["none", "active", "flagged", "slashed"];

    private readonly DeploymentFile _deployment = DeploymentFile.Load(chain.DeploymentFile);
    private readonly JsonRpcClient _rpc = Harness.Client(chain.Node.Url);

    [Fact]
    public async Task Every_event_type_is_indexed_and_derived_state_matches_the_contracts()
    {
        var db = chain.Directory.File("full.db");
        await Harness.FreshDumpAsync(chain.Node.Url, chain.DeploymentFile, db);
        var store = new SqliteIndexStore(db);
        var ct = CancellationToken.None;

        Assert.Equal(chain.Head, (await store.GetCursorAsync(ct))!.Value.Number);
        Assert.Equal(2, DatabaseDump.Count(db, "models"));
        Assert.Equal(3, DatabaseDump.Count(db, "model_policies"));
        Assert.Equal(500, (await store.GetModelAsync(2, ct))!.OwnerBps);
        var validators = await store.ListValidatorsAsync(2, ct);
        Assert.Equal(2, validators.Count);
        Assert.Single(validators, v => v.Allowed);
        Assert.Equal(2, DatabaseDump.Count(db, "commitments"));
        Assert.Equal(chain.Contributions + 9, DatabaseDump.Count(db, "contributions"));
        Assert.Equal(1, DatabaseDump.Count(db, "supersessions"));
        Assert.Equal(3, DatabaseDump.Count(db, "flags"));
        Assert.Equal(1, DatabaseDump.Count(db, "slashes"));
        Assert.Equal(1, DatabaseDump.Count(db, "bond_withdrawals"));
        Assert.Equal(2, DatabaseDump.Count(db, "revenue_deposits"));
        Assert.Equal(1, DatabaseDump.Count(db, "revenue_withdrawals"));
        Assert.True(DatabaseDump.Count(db, "reward_pool_fundings") >= 1);
        Assert.Equal(3, DatabaseDump.Count(db, "epoch_postings"));
        Assert.Equal(1, DatabaseDump.Count(db, "epoch_vetoes"));
        Assert.Equal(4, DatabaseDump.Count(db, "claims"));
        Assert.Equal(2, DatabaseDump.Count(db, "challenge_window_updates")); // the constructor and setChallengeWindow
        Assert.Equal([(2L, 1L), (2L, 2L)], (await store.ListEvaluationCommitmentsAsync(2, ct)).Select(e => (e.ModelId, e.Epoch)));
        Assert.Equal(Keccak.Hash("openledger-load:1:test-set-2").ToString(), (await store.GetEvaluationCommitmentAsync(2, 2, ct))!.TestSetHash);
        Assert.Null(await store.GetEvaluationCommitmentAsync(2, 3, ct));
        Assert.Empty(await store.ListEvaluationCommitmentsAsync(1, ct));

        // Every model-2 contribution: status and remaining bond as the registry stores them.
        // The registry holds one record per content: a registration a reveal superseded is checked against the
        // revealer's record that replaced it under the same id.
        var model2 = await store.ListContributionsAsync(new ContributionQuery(ModelId: 2), ct);
        Assert.Equal(9, model2.Count);
        var superseded = Assert.Single(model2, c => c.Status == "superseded");
        var revealer = (await store.GetContributionAsync(Hash32.Parse(superseded.Id), ct))!;
        Assert.Equal(("0", superseded.RegisteredBlock, "active"), (superseded.CurrentBond, revealer.RegisteredBlock, revealer.Status));
        Assert.True(revealer.LogIndex > superseded.LogIndex);
        Assert.NotEqual(superseded.Contributor, revealer.Contributor);
        foreach (var c in model2.Where(c => c != superseded))
        {
            var onChain = (object?[])(await CallAsync(_deployment.Registry.Address, ContributionOf, 2, Hex.Decode(c.ContentHash)))[0]!;
            Assert.Equal(Statuses[(int)(BigInteger)onChain[4]!], c.Status);
            Assert.Equal(((BigInteger)onChain[3]!).ToString(), c.CurrentBond);
        }
        Assert.Contains(model2, c => c.Status == "slashed");
        Assert.Contains(model2, c => c.Status == "active" && c.CurrentBond == "0");

        // Share balances: each equals balanceOf, and they add up to the supply.
        var balances = await store.ListShareBalancesAsync(2, null, ct);
        Assert.True(balances.Count >= 5);
        foreach (var b in balances)
            Assert.Equal(b.Balance, ((BigInteger)(await CallAsync(_deployment.Shares.Address, BalanceOf, Address.Parse(b.Account), 2))[0]!).ToString());
        var supply = (BigInteger)(await CallAsync(_deployment.Shares.Address, TotalSupply, 2))[0]!;
        Assert.Equal(supply, balances.Aggregate(BigInteger.Zero, (s, b) => s + BigInteger.Parse(b.Balance)));

        // Epochs: status and what is left to claim.
        foreach (var e in await store.ListEpochsAsync(2, ct))
        {
            var onChain = (object?[])(await CallAsync(_deployment.Distributor.Address, EpochOf, 2, e.Epoch))[0]!;
            Assert.Equal((int)(BigInteger)onChain[7]! == 2 ? "vetoed" : "posted", e.Status);
            Assert.Equal((BigInteger)onChain[4]!, BigInteger.Parse(e.TotalOpen) - BigInteger.Parse(e.ClaimedOpen));
        }
        Assert.Equal(4, (await store.GetEpochAsync(2, 1, ct))!.ClaimCount);
        Assert.Equal("posted", (await store.GetEpochAsync(2, 2, ct))!.Status);

        // Batch entries get the id the registry computes.
        var page = await store.ListContributionsAsync(new ContributionQuery(ModelId: 1, Limit: 25), ct);
        foreach (var c in page)
            Assert.Equal(c.Id, Hex.Encode((byte[])(await CallAsync(_deployment.Registry.Address, ContributionId, 1, Hex.Decode(c.ContentHash)))[0]!));
        var next = await store.ListContributionsAsync(new ContributionQuery(ModelId: 1, After: (page[^1].RegisteredBlock, page[^1].LogIndex, page[^1].BatchIndex), Limit: 25), ct);
        Assert.Equal(25, next.Count);
        Assert.DoesNotContain(next, n => page.Any(p => p.Id == n.Id));

        var revenue = await store.GetRevenueSummaryAsync(2, ct);
        Assert.Equal((1300 * BigInteger.Pow(10, 18)).ToString(), revenue.Deposited);
    }

    [Fact]
    public async Task Narrow_ranges_and_a_rewound_replay_give_the_same_database_as_one_wide_pass()
    {
        var wide = await Harness.FreshDumpAsync(chain.Node.Url, chain.DeploymentFile, chain.Directory.File("wide.db"), range: 10_000);
        var narrowDb = chain.Directory.File("narrow.db");
        var narrow = await Harness.FreshDumpAsync(chain.Node.Url, chain.DeploymentFile, narrowDb, range: 1);
        Assert.Equal(wide, narrow);

        // Rewind to the middle (as a reorg would) and index again.
        var store = new SqliteIndexStore(narrowDb);
        var middle = chain.Head / 2;
        var header = await new RpcChainReader(_rpc).GetBlockHeaderAsync(middle, CancellationToken.None);
        await store.RewindAsync(header!.Value.Ref, CancellationToken.None);
        Assert.NotEqual(wide, DatabaseDump.Canonical(narrowDb));
        Assert.Equal(wide, await Harness.FreshDumpAsync(chain.Node.Url, chain.DeploymentFile, narrowDb, range: 7));
    }

    private async Task<object?[]> CallAsync(Address to, AbiFunction function, params object?[] args) =>
        function.DecodeOutput(await _rpc.CallAsync(new CallRequest { To = to, Data = function.EncodeCall(args) }));
}

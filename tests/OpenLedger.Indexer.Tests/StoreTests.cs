using OpenLedger.Ethereum.Primitives;
using OpenLedger.Indexer.Chain;
using OpenLedger.Indexer.Store;
using OpenLedger.Indexer.Store.Rows;
using OpenLedger.Indexer.Store.Sql;
using OpenLedger.Indexer.Store.Sqlite;
using OpenLedger.Indexer.Store.Views;
using OpenLedger.Indexer.Tests.Support;

namespace OpenLedger.Indexer.Tests;

/// <summary>
/// The store on a real database, one derived class per engine (<see cref="SqliteStoreTests"/>,
/// <see cref="PostgresStoreTests"/>): migrations, idempotent commits, rewinds with derived state.
/// </summary>
public abstract class StoreTests
{
    private const string Zero = "0x0000000000000000000000000000000000000000";
    private const string Alice = "0x00000000000000000000000000000000000a11ce";
    private const string Bob = "0x0000000000000000000000000000000000000b0b";
    protected static readonly CancellationToken Ct = CancellationToken.None;
    private readonly StoreEngine _engine;
    protected readonly SqlIndexStore _store;

    protected StoreTests(StoreEngine engine)
    {
        _engine = engine;
        _store = engine.CreateAsync("index").GetAwaiter().GetResult();
    }

    private string Dump(SqlIndexStore store) => _engine.Dump(store);

    private static Hash32 BlockHash(long n) => Keccak.Hash($"block {n}");

    protected static RangeBatch Batch(long from, long to)
    {
        var batch = new RangeBatch(from, new BlockHeader(to, BlockHash(to), BlockHash(to - 1)));
        batch.RememberBlock(new BlockRef(to, BlockHash(to)));
        return batch;
    }

    private const string IdA = "0x00000000000000000000000000000000000000000000000000000000000000aa";
    private const string IdB = "0x00000000000000000000000000000000000000000000000000000000000000bb";
    private const string IdC = "0x00000000000000000000000000000000000000000000000000000000000000cc";

    private static ContributionRow Contribution(long block, int log, string id) =>
        new(block, log, 0, Keccak.Hash("tx"), Hash32.Parse(id), 1, Address.Parse(Alice), Keccak.Hash("content"), 0, "ipfs://x", "1000");

    [Fact]
    public async Task Migrating_again_keeps_the_schema_version()
    {
        await _store.MigrateAsync(Ct);
        Assert.Equal(SqliteIndexStore.LatestVersion, await _store.GetSchemaVersionAsync(Ct));
    }

    [Fact]
    public async Task Committing_the_same_range_twice_changes_nothing()
    {
        var batch = Batch(1, 10);
        batch.Contributions.Add(Contribution(3, 0, IdA));
        batch.ShareTransfers.Add(new ShareTransferRow(4, 0, 0, "0x02", Alice, Zero, Alice, 1, "500"));
        batch.Flags.Add(new FlagRow(5, 0, "0x03", IdA, Bob, FlagRow.Flagged, "bad"));
        await _store.CommitRangeAsync(batch, 128, Ct);
        var once = Dump(_store);
        await _store.CommitRangeAsync(batch, 128, Ct);
        Assert.Equal(once, Dump(_store));
        Assert.Equal("500", Assert.Single(await _store.ListShareBalancesAsync(1, Alice, Ct)).Balance);
        Assert.Equal("flagged", (await _store.GetContributionAsync(Hash32.Parse(IdA), Ct))!.Status);
    }

    [Fact]
    public async Task Replaying_an_older_range_does_not_move_the_cursor_back()
    {
        await _store.CommitRangeAsync(Batch(1, 10), 128, Ct);
        await _store.CommitRangeAsync(Batch(11, 20), 128, Ct);
        await _store.CommitRangeAsync(Batch(1, 10), 128, Ct);
        Assert.Equal(20, (await _store.GetCursorAsync(Ct))!.Value.Number);
    }

    [Fact]
    public async Task A_range_that_starts_at_or_below_the_cursor_adds_its_new_rows_and_skips_those_already_there()
    {
        // PostgreSQL streams the contributions of a range past the cursor by COPY, which cannot skip a row already
        // there; a range that overlaps the cursor (a replay after a crash between commit and acknowledgement) must not.
        var first = Batch(1, 10);
        first.Contributions.Add(Contribution(3, 0, IdA));
        await _store.CommitRangeAsync(first, 128, Ct);
        var overlapping = Batch(3, 20);
        overlapping.Contributions.Add(Contribution(3, 0, IdA));
        overlapping.Contributions.Add(Contribution(15, 0, IdB));
        await _store.CommitRangeAsync(overlapping, 128, Ct);
        Assert.Equal(3, (await _store.GetContributionAsync(Hash32.Parse(IdA), Ct))!.RegisteredBlock);
        Assert.Equal(15, (await _store.GetContributionAsync(Hash32.Parse(IdB), Ct))!.RegisteredBlock);
        Assert.Equal(20, (await _store.GetCursorAsync(Ct))!.Value.Number);
        var next = Batch(21, 30);
        next.Contributions.Add(Contribution(25, 1, IdC));
        await _store.CommitRangeAsync(next, 128, Ct);
        Assert.Equal(25, (await _store.GetContributionAsync(Hash32.Parse(IdC), Ct))!.RegisteredBlock);
    }

    [Fact]
    public async Task A_range_that_would_leave_a_gap_after_the_cursor_is_refused()
    {
        await _store.CommitRangeAsync(Batch(1, 10), 128, Ct);
        var error = await Assert.ThrowsAsync<IndexerException>(() => _store.CommitRangeAsync(Batch(12, 20), 128, Ct));
        Assert.Equal("Range 12-20 does not follow the cursor at block 10", error.Message);
        Assert.Equal(10, (await _store.GetCursorAsync(Ct))!.Value.Number);
    }

    [Fact]
    public async Task Rewinding_deletes_rows_above_the_ancestor_and_recomputes_derived_state()
    {
        var first = Batch(1, 10);
        first.Contributions.Add(Contribution(2, 0, IdA));
        first.ShareTransfers.Add(new ShareTransferRow(3, 0, 0, "0x02", Alice, Zero, Alice, 1, "500"));
        first.EpochPostings.Add(new EpochPostingRow(4, 0, "0x03", 1, 1, "0xr", "100", "10", "0xh", "uri", 99));
        first.Claims.Add(new ClaimRow(5, 0, "0x04", 1, 1, Alice, 0, "40", "4"));
        await _store.CommitRangeAsync(first, 128, Ct);
        var atTen = Dump(_store);

        var second = Batch(11, 20);
        second.Contributions.Add(Contribution(12, 0, IdB));
        second.Flags.Add(new FlagRow(13, 0, "0x05", IdA, Bob, FlagRow.Flagged, "bad"));
        second.ShareTransfers.Add(new ShareTransferRow(14, 1, 0, "0x06", Alice, Alice, Bob, 1, "500"));
        second.EpochVetoes.Add(new EpochVetoRow(15, 0, "0x07", 1, 1, Bob, "wrong"));
        second.Claims.Add(new ClaimRow(16, 0, "0x08", 1, 1, Bob, 1, "10", "1"));
        await _store.CommitRangeAsync(second, 128, Ct);
        Assert.Equal("flagged", (await _store.GetContributionAsync(Hash32.Parse(IdA), Ct))!.Status);
        Assert.Equal(Bob, Assert.Single(await _store.ListShareBalancesAsync(1, null, Ct)).Account);
        Assert.Equal("vetoed", (await _store.GetEpochAsync(1, 1, Ct))!.Status);

        await _store.RewindAsync(new BlockRef(10, BlockHash(10)), Ct);
        Assert.Equal(atTen, Dump(_store));
        Assert.Equal("active", (await _store.GetContributionAsync(Hash32.Parse(IdA), Ct))!.Status);
        Assert.Null(await _store.GetContributionAsync(Hash32.Parse(IdB), Ct));
        var epoch = (await _store.GetEpochAsync(1, 1, Ct))!;
        Assert.Equal(("posted", "40", 1L), (epoch.Status, epoch.ClaimedOpen, epoch.ClaimCount));
        Assert.DoesNotContain(await _store.GetRecentBlocksAsync(Ct), b => b.Number > 10);
    }

    [Fact]
    public async Task Rewinding_to_no_ancestor_empties_the_store()
    {
        var batch = Batch(1, 10);
        batch.Models.Add(new ModelRow(2, 0, "0x01", 1, Alice, "ipfs://m"));
        batch.ModelPolicies.Add(new ModelPolicyRow(2, 0, "0x01", 1, "5", 10, 20, 100, 200, true));
        await _store.CommitRangeAsync(batch, 128, Ct);
        Assert.Equal(200, (await _store.GetModelAsync(1, Ct))!.PoolBps);
        await _store.RewindAsync(null, Ct);
        Assert.Null(await _store.GetCursorAsync(Ct));
        Assert.Null(await _store.GetModelAsync(1, Ct));
    }

    [Fact]
    public async Task A_policy_is_stored_with_every_field_and_the_latest_one_wins()
    {
        var batch = Batch(1, 10);
        batch.Models.Add(new ModelRow(2, 0, "0x01", 1, Alice, "ipfs://m"));
        batch.ModelPolicies.Add(new ModelPolicyRow(2, 1, "0x01", 1, "5", 10, 20, 100, 200, true, MinPrecisionBps: 7000));
        batch.ModelPolicies.Add(new ModelPolicyRow(3, 0, "0x02", 1, "6", 11, 21, 300, 400, false, MinPrecisionBps: 8500));
        await _store.CommitRangeAsync(batch, 128, Ct);
        var model = (await _store.GetModelAsync(1, Ct))!;
        Assert.Equal(("6", 11L, 21L, 300, 400, false, 8500),
            (model.MinBond, model.BondLock, model.DisputeWindow, model.OwnerBps, model.PoolBps, model.CommitReveal, model.MinPrecisionBps));
    }

    [Fact]
    public async Task A_reposted_epoch_counts_only_claims_after_its_last_posting()
    {
        var batch = Batch(1, 10);
        batch.EpochPostings.Add(new EpochPostingRow(2, 0, "0x01", 1, 1, "0xr1", "100", "10", "0xh1", "u1", 50));
        batch.EpochVetoes.Add(new EpochVetoRow(3, 0, "0x02", 1, 1, Bob, "no"));
        batch.EpochPostings.Add(new EpochPostingRow(4, 0, "0x03", 1, 1, "0xr2", "90", "9", "0xh2", "u2", 60));
        batch.Claims.Add(new ClaimRow(5, 0, "0x04", 1, 1, Alice, 0, "30", "3"));
        await _store.CommitRangeAsync(batch, 128, Ct);
        var epoch = (await _store.GetEpochAsync(1, 1, Ct))!;
        Assert.Equal(("posted", "0xr2", "90", "30", 4L), (epoch.Status, epoch.Root, epoch.TotalOpen, epoch.ClaimedOpen, epoch.PostedBlock));
    }

    [Fact]
    public async Task Evaluation_commitments_are_read_by_model_and_epoch_and_a_rewind_below_their_block_removes_them()
    {
        var batch = Batch(1, 10);
        var first = Keccak.Hash("test set 1").ToString();
        var second = Keccak.Hash("test set 2").ToString();
        batch.EvaluationCommitments.Add(new EvaluationCommitmentRow(3, 1, "0x01", 1, 1, first));
        batch.EvaluationCommitments.Add(new EvaluationCommitmentRow(8, 0, "0x02", 1, 2, second));
        batch.EvaluationCommitments.Add(new EvaluationCommitmentRow(8, 1, "0x02", 2, 1, second));
        await _store.CommitRangeAsync(batch, 128, Ct);
        await _store.CommitRangeAsync(batch, 128, Ct); // replayed: nothing doubles

        var one = (await _store.GetEvaluationCommitmentAsync(1, 1, Ct))!;
        Assert.Equal((1L, 1L, first, 3L, "0x01"), (one.ModelId, one.Epoch, one.TestSetHash, one.BlockNumber, one.TxHash));
        Assert.Equal([(1L, first), (2L, second)], (await _store.ListEvaluationCommitmentsAsync(1, Ct)).Select(e => (e.Epoch, e.TestSetHash)));
        Assert.Null(await _store.GetEvaluationCommitmentAsync(1, 3, Ct));

        await _store.RewindAsync(new BlockRef(5, BlockHash(5)), Ct);
        Assert.NotNull(await _store.GetEvaluationCommitmentAsync(1, 1, Ct));
        Assert.Null(await _store.GetEvaluationCommitmentAsync(1, 2, Ct));
        Assert.Empty(await _store.ListEvaluationCommitmentsAsync(2, Ct));
    }

    [Fact]
    public async Task An_accounts_balances_claims_and_withdrawals_are_read_through_indexes_that_lead_with_the_account()
    {
        var batch = Batch(1, 10);
        batch.ShareTransfers.Add(new ShareTransferRow(2, 0, 0, "0x01", Alice, Zero, Alice, 1, "500"));
        batch.ShareTransfers.Add(new ShareTransferRow(2, 1, 0, "0x01", Bob, Zero, Bob, 1, "300"));
        batch.ShareTransfers.Add(new ShareTransferRow(3, 0, 0, "0x02", Alice, Zero, Alice, 2, "70"));
        batch.Claims.Add(new ClaimRow(4, 0, "0x03", 1, 1, Alice, 0, "30", "3"));
        batch.Claims.Add(new ClaimRow(4, 1, "0x03", 1, 1, Bob, 1, "20", "2"));
        batch.RevenueWithdrawals.Add(new RevenueWithdrawalRow(5, 0, "0x04", 1, Bob, "9"));
        batch.RevenueWithdrawals.Add(new RevenueWithdrawalRow(6, 0, "0x05", 2, Alice, "4"));
        await _store.CommitRangeAsync(batch, 128, Ct);

        // Each filter alone, both, and neither; accounts in text order (Bob, 0x…0b0b, before Alice, 0x…a11ce).
        Assert.Equal([(1L, Alice), (2L, Alice)], (await _store.ListShareBalancesAsync(null, Alice, Ct)).Select(b => (b.ModelId, b.Account)));
        Assert.Equal([(1L, Bob), (1L, Alice)], (await _store.ListShareBalancesAsync(1, null, Ct)).Select(b => (b.ModelId, b.Account)));
        Assert.Equal("70", Assert.Single(await _store.ListShareBalancesAsync(2, Alice, Ct)).Balance);
        Assert.Equal(3, (await _store.ListShareBalancesAsync(null, null, Ct)).Count);
        Assert.Equal("20", Assert.Single(await _store.ListAccountClaimsAsync(Bob, null, 10, Ct)).OpenAmount);
        Assert.Equal("4", Assert.Single(await _store.ListRevenueWithdrawalsAsync(Alice, Ct)).Amount);

        // The store's own queries search by account instead of scanning (migration 4).
        Assert.Contains(AccountIndexPlan("claims_account"), await _engine.ExplainAsync(_store, SqlIndexStore.AccountClaimsSql));
        Assert.Contains(AccountIndexPlan("revenue_withdrawals_account"), await _engine.ExplainAsync(_store, SqlIndexStore.AccountRevenueWithdrawalsSql));
        Assert.Contains(AccountIndexPlan("share_balances_account"),
            await _engine.ExplainAsync(_store, SqlIndexStore.ShareBalancesSql(byModel: false, byAccount: true)));
    }

    /// <summary>What the engine's plan says when it searches <paramref name="index"/> by account.</summary>
    protected abstract string AccountIndexPlan(string index);

    [Fact]
    public async Task Block_hashes_older_than_the_reorg_window_are_pruned_but_the_cursor_is_kept()
    {
        for (var n = 1; n <= 20; n++) await _store.CommitRangeAsync(Batch(n, n), 5, Ct);
        var kept = (await _store.GetRecentBlocksAsync(Ct)).Select(b => b.Number).ToArray();
        Assert.Equal([20, 19, 18, 17, 16, 15], kept);
    }

    [Fact]
    public async Task Consecutive_ranges_committed_in_one_transaction_give_the_database_of_separate_commits()
    {
        RangeBatch[] Ranges()
        {
            var a = Batch(1, 10);
            a.Contributions.Add(Contribution(2, 0, IdA));
            a.ShareTransfers.Add(new ShareTransferRow(3, 0, 0, "0x02", Alice, Zero, Alice, 1, "500"));
            a.EpochPostings.Add(new EpochPostingRow(4, 0, "0x03", 1, 1, "0xr", "100", "10", "0xh", "uri", 99));
            var b = Batch(11, 20);
            b.Flags.Add(new FlagRow(12, 0, "0x04", IdA, Bob, FlagRow.Flagged, "bad"));
            b.ShareTransfers.Add(new ShareTransferRow(13, 0, 0, "0x05", Alice, Alice, Bob, 1, "200"));
            b.Claims.Add(new ClaimRow(14, 0, "0x06", 1, 1, Alice, 0, "40", "4"));
            var c = Batch(21, 30);
            c.Contributions.Add(Contribution(22, 0, IdB));
            c.Slashes.Add(new SlashRow(23, 0, "0x07", IdA, 1, "1000"));
            return [a, b, c];
        }
        foreach (var range in Ranges()) await _store.CommitRangeAsync(range, 5, Ct);
        var grouped = await _engine.CreateAsync("grouped");
        await grouped.CommitRangesAsync(Ranges(), 5, Ct);

        Assert.Equal(Dump(_store), Dump(grouped));
        Assert.Equal(await _store.GetRecentBlocksAsync(Ct), await grouped.GetRecentBlocksAsync(Ct));
        Assert.Equal(30, (await grouped.GetCursorAsync(Ct))!.Value.Number);
        Assert.Equal(("slashed", "0"), ((await grouped.GetContributionAsync(Hash32.Parse(IdA), Ct))!.Status, (await grouped.GetContributionAsync(Hash32.Parse(IdA), Ct))!.CurrentBond));
    }

    [Fact]
    public async Task A_group_of_ranges_with_a_gap_commits_none_of_them()
    {
        var first = Batch(1, 10);
        first.Contributions.Add(Contribution(2, 0, IdA));
        var error = await Assert.ThrowsAsync<IndexerException>(() => _store.CommitRangesAsync([first, Batch(12, 20)], 128, Ct));
        Assert.Equal("Range 12-20 does not follow the cursor at block 10", error.Message);
        Assert.Null(await _store.GetCursorAsync(Ct));
        Assert.Null(await _store.GetContributionAsync(Hash32.Parse(IdA), Ct));
    }

    [Fact]
    public async Task A_writer_whose_leader_term_another_took_since_is_refused_and_writes_nothing()
    {
        Assert.Equal(1, await _store.TakeLeaderTermAsync("first", Ct));
        await _store.CommitRangeAsync(Batch(1, 10), 128, Ct);
        var successor = _engine.Reopen(_store);
        Assert.Equal(2, await successor.TakeLeaderTermAsync("second", Ct));

        var batch = Batch(11, 20);
        batch.Contributions.Add(Contribution(12, 0, IdA));
        var error = await Assert.ThrowsAsync<LeaderLeaseLostException>(() => _store.CommitRangeAsync(batch, 128, Ct));
        Assert.Equal("this indexer writes under leader term 1 but the database is at term 2: another indexer took the lease", error.Message);
        await Assert.ThrowsAsync<LeaderLeaseLostException>(() => _store.RewindAsync(null, Ct));
        Assert.Equal(10, (await successor.GetCursorAsync(Ct))!.Value.Number);
        Assert.Null(await successor.GetContributionAsync(Hash32.Parse(IdA), Ct));
        await successor.CommitRangeAsync(batch, 128, Ct);
        Assert.Equal(20, (await successor.GetCursorAsync(Ct))!.Value.Number);
    }

    private static readonly string[] Deferrable = ["contributions_contributor", "contributions_id", "contributions_model"];

    private static string[] IndexNames(SqlIndexStore store) => [.. DatabaseDump.Indexes(store).Select(i => i[..i.IndexOf(':')])];

    private static RangeBatch[] TwoModelsTwoContributors()
    {
        var a = Batch(1, 10);
        a.Contributions.Add(Contribution(2, 0, IdA));
        a.Contributions.Add(Contribution(3, 0, IdB) with { ModelId = 2, Contributor = Address.Parse(Bob) });
        var b = Batch(11, 20);
        b.Contributions.Add(Contribution(12, 0, IdC) with { Contributor = Address.Parse(Bob) });
        return [a, b];
    }

    [Fact]
    public async Task Deferred_contribution_indexes_leave_reads_unchanged_and_are_built_back_as_migrated()
    {
        var migrated = DatabaseDump.Indexes(_store);
        Assert.False(await _store.AreIndexesDeferredAsync(Ct));
        Assert.False(await _store.BuildDeferredIndexesAsync(Ct));

        await _store.DeferIndexesAsync(Ct);
        Assert.True(await _store.AreIndexesDeferredAsync(Ct));
        Assert.True(await _engine.Reopen(_store).AreIndexesDeferredAsync(Ct)); // another process reads it from the schema
        Assert.Equal(Deferrable, IndexNames(await _engine.CreateAsync("migrated")).Except(IndexNames(_store)).Order());

        var direct = await _engine.CreateAsync("direct");
        foreach (var range in TwoModelsTwoContributors())
        {
            await _store.CommitRangeAsync(range, 128, Ct);
            await direct.CommitRangeAsync(range, 128, Ct);
        }
        foreach (var query in new ContributionQuery[] { new(ModelId: 1), new(ModelId: 2), new(Contributor: Alice), new(Contributor: Bob) })
            Assert.Equal((await direct.ListContributionsAsync(query, Ct)).Select(c => c.Id), (await _store.ListContributionsAsync(query, Ct)).Select(c => c.Id));
        Assert.Equal(2, (await _store.ListContributionsAsync(new ContributionQuery(Contributor: Bob), Ct)).Count);
        Assert.Equal(2, (await _store.GetContributionAsync(Hash32.Parse(IdB), Ct))!.ModelId);

        Assert.True(await _store.BuildDeferredIndexesAsync(Ct));
        Assert.Equal(migrated, DatabaseDump.Indexes(_store));
        Assert.Equal(Dump(direct), Dump(_store));
        Assert.False(await _store.AreIndexesDeferredAsync(Ct));
        Assert.False(await _store.BuildDeferredIndexesAsync(Ct));
    }

    [Fact]
    public async Task A_flag_during_a_deferred_backfill_builds_the_id_index_in_its_range_and_derives_the_status()
    {
        await _store.DeferIndexesAsync(Ct);
        var ranges = TwoModelsTwoContributors();
        await _store.CommitRangesAsync(ranges, 128, Ct);
        Assert.DoesNotContain("contributions_id", IndexNames(_store));

        var flagged = Batch(21, 30);
        flagged.Flags.Add(new FlagRow(22, 0, "0x04", IdA, Bob, FlagRow.Flagged, "bad"));
        await _store.CommitRangeAsync(flagged, 128, Ct);
        Assert.Contains("contributions_id", IndexNames(_store));
        Assert.DoesNotContain("contributions_model", IndexNames(_store));
        Assert.Equal("flagged", (await _store.GetContributionAsync(Hash32.Parse(IdA), Ct))!.Status);
        Assert.True(await _store.AreIndexesDeferredAsync(Ct));

        // A rewind below the flag recomputes the contribution through the same index.
        await _store.RewindAsync(ranges[1].ToBlock.Ref, Ct);
        Assert.Equal("active", (await _store.GetContributionAsync(Hash32.Parse(IdA), Ct))!.Status);
        Assert.True(await _store.BuildDeferredIndexesAsync(Ct));
        Assert.Equal(DatabaseDump.Indexes(await _engine.CreateAsync("migrated")), DatabaseDump.Indexes(_store));
    }

    [Fact]
    public async Task A_writer_whose_leader_term_another_took_since_can_neither_drop_nor_build_indexes()
    {
        await _store.TakeLeaderTermAsync("first", Ct);
        var successor = _engine.Reopen(_store);
        await successor.TakeLeaderTermAsync("second", Ct);
        await Assert.ThrowsAsync<LeaderLeaseLostException>(() => _store.DeferIndexesAsync(Ct));
        Assert.False(await successor.AreIndexesDeferredAsync(Ct));

        await successor.DeferIndexesAsync(Ct);
        Assert.True(await _store.AreIndexesDeferredAsync(Ct));
        await Assert.ThrowsAsync<LeaderLeaseLostException>(() => _store.BuildDeferredIndexesAsync(Ct));
        Assert.True(await successor.AreIndexesDeferredAsync(Ct));
        Assert.True(await successor.BuildDeferredIndexesAsync(Ct));
    }

    [Fact]
    public async Task Contributions_with_uris_of_any_size_and_script_are_stored_as_registered()
    {
        // Past the cursor, PostgreSQL streams contributions through its own binary COPY buffer (64 KiB): a URI larger
        // than that, multi-byte text and an empty URI must come back as they went in.
        string[] uris = [string.Concat(Enumerable.Repeat("ipfs://äß€😀/", 20_000)), "", "https://example.org/données"];
        var batch = Batch(1, 10);
        for (var i = 0; i < uris.Length; i++)
            batch.Contributions.Add(Contribution(2 + i, 0, $"0x{i + 1:x64}") with { Uri = uris[i], Bond = "115792089237316195423570985008687907853269984665640564039457584007913129639935" });
        await _store.CommitRangeAsync(batch, 128, Ct);
        for (var i = 0; i < uris.Length; i++)
        {
            var stored = (await _store.GetContributionAsync(Hash32.Parse($"0x{i + 1:x64}"), Ct))!;
            Assert.Equal(uris[i], stored.Uri);
            Assert.Equal(batch.Contributions[i].Bond, stored.Bond);
            Assert.Equal(("active", stored.Bond), (stored.Status, stored.CurrentBond));
        }
    }
}

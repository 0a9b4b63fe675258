using Dapper;
using Microsoft.Data.Sqlite;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Indexer.Chain;
using OpenLedger.Indexer.Store;
using OpenLedger.Indexer.Store.Rows;
using OpenLedger.Indexer.Store.Sqlite;
using OpenLedger.Indexer.Store.Views;
using OpenLedger.TestSupport;

namespace OpenLedger.Indexer.Tests;

/// <summary>A database written by an older indexer keeps its data when a newer one upgrades the schema.</summary>
public sealed class SchemaMigrationTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private const string IdA = "0x1111111111111111111111111111111111111111111111111111111111111111";
    private const string IdB = "0x2222222222222222222222222222222222222222222222222222222222222222";
    private const string Alice = "0x00000000000000000000000000000000000a11ce";
    private const string Bob = "0x0000000000000000000000000000000000000b0b";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_schema_4_database_gains_an_empty_evaluation_commitments_table_and_keeps_its_epochs()
    {
        var path = _dir.File("v4.db");
        await using (var v4 = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await v4.OpenAsync();
            await v4.ExecuteAsync("CREATE TABLE schema_version (version INTEGER NOT NULL);");
            for (var version = 1; version <= 4; version++)
                await v4.ExecuteAsync(SqliteMigrations.All[version - 1] + " INSERT INTO schema_version (version) VALUES (@version);", new { version });
            await v4.ExecuteAsync("""
                INSERT INTO epochs (model_id, epoch, status, root, total_open, total_shares, report_hash, report_uri, challenge_ends_at,
                                    posted_block, claimed_open, claimed_shares, claim_count)
                VALUES (1, 1, 'posted', '0x01', '100', '10', '0x02', 'uri', 99, 4, '0', '0', 0);
                INSERT INTO cursor (id, block_number, block_hash) VALUES (1, 6, @Tx);
                """, new { Tx = Keccak.Hash("tx").ToString() });
        }
        var store = new SqliteIndexStore(path);
        await store.MigrateAsync(Ct);

        Assert.Equal(SqliteIndexStore.LatestVersion, await store.GetSchemaVersionAsync(Ct));
        Assert.Equal("100", (await store.GetEpochAsync(1, 1, Ct))!.TotalOpen);
        Assert.Empty(await store.ListEvaluationCommitmentsAsync(1, Ct));
        var next = new RangeBatch(7, new BlockHeader(7, Keccak.Hash("block 7"), Keccak.Hash("tx")));
        next.RememberBlock(new BlockRef(7, Keccak.Hash("block 7")));
        next.EvaluationCommitments.Add(new EvaluationCommitmentRow(7, 0, Keccak.Hash("tx 7").ToString(), 1, 2, Keccak.Hash("set").ToString()));
        await store.CommitRangeAsync(next, 128, Ct);
        Assert.Equal(Keccak.Hash("set").ToString(), (await store.GetEvaluationCommitmentAsync(1, 2, Ct))!.TestSetHash);
    }

    [Fact]
    public async Task A_schema_6_database_keeps_its_commitments_and_models_and_gains_block_hashes_and_a_minimum_precision()
    {
        var path = _dir.File("v6.db");
        var inWindow = Keccak.Hash("block 5").ToString();
        await using (var v6 = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await v6.OpenAsync();
            await v6.ExecuteAsync("CREATE TABLE schema_version (version INTEGER NOT NULL);");
            for (var version = 1; version <= 6; version++)
                await v6.ExecuteAsync(SqliteMigrations.All[version - 1] + " INSERT INTO schema_version (version) VALUES (@version);", new { version });
            await v6.ExecuteAsync("""
                INSERT INTO evaluation_commitments (block_number, log_index, tx_hash, model_id, epoch, test_set_hash)
                VALUES (2, 0, '0x0a', 1, 1, @Set1), (5, 0, '0x0b', 1, 2, @Set2);
                INSERT INTO block_hashes (block_number, block_hash) VALUES (5, @InWindow);
                INSERT INTO models (model_id, owner, metadata_uri, block_number, log_index, tx_hash, owner_bps, pool_bps)
                VALUES (1, @Alice, 'ipfs://m', 1, 0, '0x09', 1000, 2000);
                INSERT INTO cursor (id, block_number, block_hash) VALUES (1, 5, @InWindow);
                """, new { Set1 = Keccak.Hash("set 1").ToString(), Set2 = Keccak.Hash("set 2").ToString(), InWindow = inWindow, Alice });
        }
        var store = new SqliteIndexStore(path);
        await store.MigrateAsync(Ct);

        Assert.Equal(SqliteIndexStore.LatestVersion, await store.GetSchemaVersionAsync(Ct));
        var old = (await store.GetEvaluationCommitmentAsync(1, 1, Ct))!;
        Assert.Equal((Keccak.Hash("set 1").ToString(), 2L, ""), (old.TestSetHash, old.BlockNumber, old.BlockHash)); // block 2 left the window
        Assert.Equal(inWindow, (await store.GetEvaluationCommitmentAsync(1, 2, Ct))!.BlockHash);
        var model = (await store.GetModelAsync(1, Ct))!;
        Assert.Equal((1000, 2000, 0), (model.OwnerBps, model.PoolBps, model.MinPrecisionBps)); // no minimum before the field existed
        var next = new RangeBatch(6, new BlockHeader(6, Keccak.Hash("block 6"), Keccak.Hash("block 5")));
        next.RememberBlock(new BlockRef(6, Keccak.Hash("block 6")));
        next.EvaluationCommitments.Add(new EvaluationCommitmentRow(6, 0, "0x0c", 1, 3, Keccak.Hash("set 3").ToString(), Keccak.Hash("block 6").ToString()));
        next.ModelPolicies.Add(new ModelPolicyRow(6, 1, "0x0c", 1, "0", 0, 0, 1000, 2000, false, MinPrecisionBps: 8000));
        await store.CommitRangeAsync(next, 128, Ct);
        Assert.Equal(8000, (await store.GetModelAsync(1, Ct))!.MinPrecisionBps);
        Assert.Equal(Keccak.Hash("block 6").ToString(), (await store.GetEvaluationCommitmentAsync(1, 3, Ct))!.BlockHash);
    }

    [Fact]
    public async Task Contributions_written_as_text_by_schema_2_read_back_the_same_after_the_move_to_bytes()
    {
        var path = _dir.File("v2.db");
        await using (var v2 = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await v2.OpenAsync();
            await v2.ExecuteAsync("CREATE TABLE schema_version (version INTEGER NOT NULL);");
            for (var version = 1; version <= 2; version++)
                await v2.ExecuteAsync(SqliteMigrations.All[version - 1] + " INSERT INTO schema_version (version) VALUES (@version);", new { version });
            // As schema 2 stored them: 0x lower-case text, the later one flagged with its bond intact.
            await v2.ExecuteAsync("""
                INSERT INTO contributions (id, model_id, contributor, content_hash, kind, uri, bond, block_number, log_index, batch_index, tx_hash, status, current_bond)
                VALUES (@IdA, 1, @Alice, @HashA, 0, 'ipfs://a', '1000', 5, 2, 0, @Tx, 'active', '1000'),
                       (@IdB, 1, @Bob, @HashB, 3, 'ipfs://b', '0', 5, 2, 1, @Tx, 'flagged', '0');
                INSERT INTO flags (block_number, log_index, tx_hash, contribution_id, actor, action, reason)
                VALUES (6, 0, @Tx, @IdB, @Alice, 'flagged', 'copied');
                INSERT INTO cursor (id, block_number, block_hash) VALUES (1, 6, @Tx);
                """, new { IdA, IdB, Alice, Bob, HashA = Keccak.Hash("a").ToString(), HashB = Keccak.Hash("b").ToString(), Tx = Keccak.Hash("tx").ToString() });
        }
        var store = new SqliteIndexStore(path);
        await store.MigrateAsync(Ct);

        Assert.Equal(SqliteIndexStore.LatestVersion, await store.GetSchemaVersionAsync(Ct));
        var a = await store.GetContributionAsync(Hash32.Parse(IdA), Ct);
        Assert.Equal(new ContributionView
        {
            Id = IdA, ModelId = 1, Contributor = Alice, ContentHash = Keccak.Hash("a").ToString(), Kind = 0, Uri = "ipfs://a",
            Bond = "1000", CurrentBond = "1000", Status = "active", RegisteredBlock = 5, LogIndex = 2, BatchIndex = 0,
            TxHash = Keccak.Hash("tx").ToString(),
        }, a);
        Assert.Equal([IdA, IdB], (await store.ListContributionsAsync(new ContributionQuery(ModelId: 1), Ct)).Select(c => c.Id));
        Assert.Equal([IdB], (await store.ListContributionsAsync(new ContributionQuery(Contributor: Bob), Ct)).Select(c => c.Id));
        Assert.Equal([1L], await store.ListContributedModelsAsync(Alice, Ct));

        // Derived state still follows the event tables, which name contributions in text: a dismissal reactivates B.
        var next = new RangeBatch(7, new BlockHeader(7, Keccak.Hash("block 7"), Keccak.Hash("tx")));
        next.RememberBlock(new BlockRef(7, Keccak.Hash("block 7")));
        next.Flags.Add(new FlagRow(7, 0, Keccak.Hash("tx 7").ToString(), IdB, Alice, FlagRow.Dismissed, null));
        await store.CommitRangeAsync(next, 128, Ct);
        Assert.Equal("active", (await store.GetContributionAsync(Hash32.Parse(IdB), Ct))!.Status);
    }

    [Fact]
    public async Task A_schema_4_database_takes_a_second_registration_of_an_id_when_a_reveal_supersedes_the_first()
    {
        var path = _dir.File("v4.db");
        var tx = Keccak.Hash("tx");
        await using (var v4 = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await v4.OpenAsync();
            await v4.ExecuteAsync("CREATE TABLE schema_version (version INTEGER NOT NULL);");
            for (var version = 1; version <= 4; version++)
                await v4.ExecuteAsync(SqliteMigrations.All[version - 1] + " INSERT INTO schema_version (version) VALUES (@version);", new { version });
            // Schema 4 refused a second row of an id: its contributions_id index was unique.
            await v4.ExecuteAsync("""
                INSERT INTO contributions (block_number, log_index, batch_index, id, model_id, contributor, content_hash, kind, uri, bond, tx_hash, status, current_bond)
                VALUES (5, 2, 0, @Id, 1, @Bob, @Hash, 0, 'ipfs://a', '1000', @Tx, 'active', '1000');
                INSERT INTO cursor (id, block_number, block_hash) VALUES (1, 6, @TxText);
                """, new { Id = Hex.Decode(IdA), Bob = Hex.Decode(Bob), Hash = Keccak.Hash("a").ToArray(), Tx = tx.ToArray(), TxText = tx.ToString() });
            var refused = await Assert.ThrowsAsync<SqliteException>(() => v4.ExecuteAsync("""
                INSERT INTO contributions (block_number, log_index, batch_index, id, model_id, contributor, content_hash, kind, uri, bond, tx_hash, status, current_bond)
                VALUES (6, 1, 0, @Id, 1, @Alice, @Hash, 0, 'ipfs://a', '1000', @Tx, 'active', '1000');
                """, new { Id = Hex.Decode(IdA), Alice = Hex.Decode(Alice), Hash = Keccak.Hash("a").ToArray(), Tx = tx.ToArray() }));
            Assert.Contains("UNIQUE", refused.Message);
        }
        var store = new SqliteIndexStore(path);
        await store.MigrateAsync(Ct);
        Assert.Equal(SqliteIndexStore.LatestVersion, await store.GetSchemaVersionAsync(Ct));

        var next = new RangeBatch(7, new BlockHeader(7, Keccak.Hash("block 7"), tx));
        next.RememberBlock(new BlockRef(7, Keccak.Hash("block 7")));
        next.Supersessions.Add(new SupersessionRow(7, 0, Keccak.Hash("tx 7").ToString(), IdA, 1, Bob, Alice, "1000"));
        next.Contributions.Add(new ContributionRow(7, 1, 0, Keccak.Hash("tx 7"), Hash32.Parse(IdA), 1, Address.Parse(Alice), Keccak.Hash("a"), 0, "ipfs://a", "2000"));
        await store.CommitRangeAsync(next, 128, Ct);
        Assert.Equal([(Bob, "superseded", "0"), (Alice, "active", "2000")],
            (await store.ListContributionsAsync(new ContributionQuery(ModelId: 1), Ct)).Select(c => (c.Contributor, c.Status, c.CurrentBond)));
        Assert.Equal(Alice, (await store.GetContributionAsync(Hash32.Parse(IdA), Ct))!.Contributor);
    }
}

using Dapper;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;
using OpenLedger.Indexer.Deployment;
using OpenLedger.Indexer.Store.Sql;
using OpenLedger.Indexer.Store.Sqlite;
using OpenLedger.Indexer.Tests.Support;

namespace OpenLedger.Indexer.Tests;

/// <summary>
/// Lifecycle events, 20,000 single registrations (20,000 ContributionRegistered logs, 100 per transaction, one
/// transaction per block) and 2,000 contributions in 100 registerBatch logs: over 20,100 events in about 300 blocks.
/// </summary>
public sealed class CrashChain() : LoadedChain(2_000, batch: 20, txsPerBlock: 4, singles: 20_000, singlesPerTx: 100);

public sealed class CrashSafetyTests(CrashChain chain, StoreEngines engines, ITestOutputHelper output) : IClassFixture<CrashChain>, IClassFixture<StoreEngines>
{
    private const int Range = 1;
    private const int Kills = 15;

    // A runner about to be killed holds still once it is this many blocks past its threshold, so on any machine the
    // kill lands before the backfill ends: usually while it works on one of these blocks, at worst while it holds.
    private const int HoldAhead = 8;

    // The last threshold stays this many blocks below the head, so the held runner never reaches the head.
    private const int HeadMargin = 20;

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void An_indexer_process_killed_at_seeded_random_moments_of_a_20000_event_backfill_ends_with_the_database_of_one_clean_run(string engineName)
    {
        var engine = engines[engineName];
        var cleanDb = engine.Create("clean");
        using (var clean = new RunnerProcess(chain.Node.Url, chain.DeploymentFile, cleanDb, Range))
        {
            Assert.True(clean.WaitForExit(Patience), "the clean run did not finish");
            Assert.True(clean.ExitCode == 0, clean.StandardError);
        }
        var expected = DatabaseDump.Canonical(cleanDb);
        Assert.Equal(chain.Contributions + 9, DatabaseDump.Count(cleanDb, "contributions"));

        // Kill moments are progress, not wall-clock time: a seeded block in each of Kills equal slices of the backfill
        // (first half of the slice, so thresholds stay apart), then a seeded pause of 0-20 ms after the runner reports
        // committing past it, so kills land anywhere in the next range: fetching, decoding or inside its transaction.
        var random = new Random(7);
        var first = DeploymentFile.Load(chain.DeploymentFile).StartBlock;
        var slice = (chain.Head - HeadMargin - first) / Kills;
        Assert.True(slice >= 4, $"the chain ({first}-{chain.Head}) is too short for {Kills} kills");
        var thresholds = Enumerable.Range(0, Kills).Select(k => first + k * slice + random.Next((int)slice / 2)).ToArray();

        var db = engine.Create("crashed");
        var lastCursor = -1L;
        foreach (var threshold in thresholds)
        {
            // A restarted runner that resumes past this threshold still commits one range of its own before the kill.
            var until = Math.Max(threshold, lastCursor + 1);
            using var runner = new RunnerProcess(chain.Node.Url, chain.DeploymentFile, db, Range, holdAfter: until + HoldAhead);
            Assert.True(runner.WaitForCursor(until, Patience),
                $"the runner ended before committing block {until} (cursor {runner.Cursor}): {(runner.HasExited ? runner.StandardError : "timed out")}");
            var pause = random.Next(0, 21);
            Thread.Sleep(pause);
            // (The message is built only on failure: reading standard error waits for the process to end.)
            if (runner.HasExited) Assert.Fail($"the runner ended before the kill after block {threshold}: {runner.StandardError}");
            runner.KillHard();
            var cursor = AssertConsistent(db);
            Assert.True(cursor >= lastCursor, $"the cursor went back from {lastCursor} to {cursor}");
            Assert.True(cursor < chain.Head, $"the kill after block {threshold} landed after the backfill ended");
            // (The writer may commit several ranges at once, so a held runner can stop a little past its hold block.)
            var held = cursor >= until + HoldAhead ? " (held)" : "";
            output.WriteLine($"kill {pause} ms after block {until}: cursor {cursor}{held}");
            lastCursor = cursor;
        }

        using (var last = new RunnerProcess(chain.Node.Url, chain.DeploymentFile, db, Range))
        {
            Assert.True(last.WaitForExit(Patience), "the last run did not finish");
            Assert.True(last.ExitCode == 0, last.StandardError);
        }
        Assert.Equal(expected, DatabaseDump.Canonical(db));
        // The backfill dropped the contributions' indexes (it is longer than the reorg window) and the process that
        // reached the head built them: the schema ends as the clean run's too.
        Assert.Equal(DatabaseDump.Indexes(cleanDb), DatabaseDump.Indexes(db));
    }

    // After a kill: no row lies above the cursor (rows and cursor commit together), and the schema is intact.
    internal static long AssertConsistent(SqlIndexStore store)
    {
        if (store is SqliteIndexStore sqlite) return AssertConsistent(sqlite.DatabasePath);
        var ct = CancellationToken.None;
        if (store.GetSchemaVersionAsync(ct).GetAwaiter().GetResult() == 0) return -1;
        var cursor = store.GetCursorAsync(ct).GetAwaiter().GetResult()?.Number ?? -1;
        using var connection = store.OpenAsync(ct).GetAwaiter().GetResult();
        foreach (var table in new[] { "contributions", "models", "share_transfers", "claims", "epoch_postings" })
        {
            var max = connection.ExecuteScalar<long>($"SELECT COALESCE(MAX(block_number), -1) FROM {table};");
            Assert.True(max <= cursor, $"{table} has rows of block {max} above the cursor {cursor}");
        }
        return cursor;
    }

    private static long AssertConsistent(string database)
    {
        if (!File.Exists(database)) return -1;
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var hasCursor = connection.CreateCommand();
        hasCursor.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'cursor';";
        if ((long)hasCursor.ExecuteScalar()! == 0) return -1;
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE((SELECT block_number FROM cursor), -1);";
        var cursor = (long)command.ExecuteScalar()!;
        foreach (var table in new[] { "contributions", "models", "share_transfers", "claims", "epoch_postings" })
        {
            command.CommandText = $"SELECT COALESCE(MAX(block_number), -1) FROM {table};";
            var max = (long)command.ExecuteScalar()!;
            Assert.True(max <= cursor, $"{table} has rows of block {max} above the cursor {cursor}");
        }
        return cursor;
    }
}

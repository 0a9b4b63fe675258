using System.Diagnostics;
using Microsoft.Data.Sqlite;
using OpenLedger.Indexer.Store.Sqlite;
using OpenLedger.Indexer.Tests.Support;

namespace OpenLedger.Indexer.Tests;

/// <summary>Lifecycle events plus 20,000 contributions (1,000 registerBatch transactions in 250 blocks).</summary>
public sealed class CrashChain() : LoadedChain(20_000, batch: 20, txsPerBlock: 4);

public sealed class CrashSafetyTests(CrashChain chain) : IClassFixture<CrashChain>
{
    private const int Range = 1;

    [Fact]
    public async Task An_indexer_process_killed_at_seeded_random_moments_ends_with_the_database_of_one_clean_run()
    {
        var cleanDb = chain.Directory.File("clean.db");
        var watch = Stopwatch.StartNew();
        using (var clean = new RunnerProcess(chain.Node.Url, chain.DeploymentFile, cleanDb, Range))
        {
            Assert.True(clean.WaitForExit(TimeSpan.FromMinutes(3)), "the clean run did not finish");
            Assert.True(clean.ExitCode == 0, clean.StandardError);
        }
        var cleanRun = watch.Elapsed;
        var expected = DatabaseDump.Canonical(cleanDb);
        Assert.Equal(chain.Contributions + 7, DatabaseDump.Count(cleanDb, "contributions"));

        var random = new Random(7);
        var db = chain.Directory.File("crashed.db");
        var kills = 0;
        var lastCursor = -1L;
        for (var run = 0; ; run++)
        {
            Assert.True(run < 100, "the killed indexer never finished");
            using var runner = new RunnerProcess(chain.Node.Url, chain.DeploymentFile, db, Range);
            // Most kills land inside the backfill: somewhere between start-up and the length of a clean run.
            var delay = TimeSpan.FromMilliseconds(random.Next(100, Math.Max(200, (int)cleanRun.TotalMilliseconds / 8)));
            if (kills >= 12 || runner.WaitForExit(delay)) // after a dozen kills, let it finish
            {
                Assert.True(runner.WaitForExit(TimeSpan.FromMinutes(3)));
                Assert.True(runner.ExitCode == 0, runner.StandardError);
                break;
            }
            runner.KillHard();
            kills++;
            var cursor = AssertConsistent(db);
            Assert.True(cursor >= lastCursor, $"the cursor went back from {lastCursor} to {cursor}");
            lastCursor = cursor;
        }
        Assert.True(kills >= 12, $"only {kills} kills landed before the backfill ended (clean run {cleanRun.TotalMilliseconds:0} ms)");
        Assert.Equal(expected, DatabaseDump.Canonical(db));
    }

    // After a kill: no row lies above the cursor (rows and cursor commit together), and the schema is intact.
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

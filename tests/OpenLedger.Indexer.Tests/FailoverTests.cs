using Xunit.Abstractions;
using OpenLedger.Indexer.Deployment;
using OpenLedger.Indexer.Tests.Support;

namespace OpenLedger.Indexer.Tests;

/// <summary>
/// A leader and a standby indexer process on one store: the leader is SIGKILLed at seeded moments of the backfill of
/// <see cref="CrashChain"/>, the standby takes the lease and resumes from the cursor (a new standby is started beside
/// it each time), and the end is the database of one clean run. benchmarks/failover/run.sh runs the same with 20 kills
/// (OPENLEDGER_FAILOVER_KILLS).
/// </summary>
public sealed class FailoverTests(CrashChain chain, StoreEngines engines, ITestOutputHelper output) : IClassFixture<CrashChain>, IClassFixture<StoreEngines>
{
    private const int Range = 1;
    private static readonly int Kills = int.TryParse(Environment.GetEnvironmentVariable("OPENLEDGER_FAILOVER_KILLS"), out var kills) ? kills : 3;
    private const int HoldAhead = 8;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public void A_leader_killed_at_seeded_moments_of_a_backfill_is_followed_by_its_standby_and_the_end_is_one_clean_run(string engineName)
    {
        var engine = engines[engineName];
        var cleanDb = engine.Create("clean");
        using (var clean = new RunnerProcess(chain.Node.Url, chain.DeploymentFile, cleanDb, Range))
        {
            Assert.True(clean.WaitForExit(Patience), "the clean run did not finish");
            Assert.True(clean.ExitCode == 0, clean.StandardError);
        }

        var random = new Random(17);
        var first = DeploymentFile.Load(chain.DeploymentFile).StartBlock;
        var slice = (chain.Head - 20 - first) / Kills;
        Assert.True(slice >= 2, $"the chain ({first}-{chain.Head}) is too short for {Kills} kills");
        var thresholds = Enumerable.Range(0, Kills).Select(k => first + k * slice + random.Next((int)slice / 2)).ToArray();
        var db = engine.Create("failover");
        var leader = new RunnerProcess(chain.Node.Url, chain.DeploymentFile, db, Range, thresholds[0] + HoldAhead, lease: "standby");
        try
        {
            Assert.True(leader.WaitForLeader(Patience), $"the first indexer did not take the lease: {(leader.HasExited ? leader.StandardError : "timed out")}");
            var lastCursor = -1L;
            for (var k = 0; k < Kills; k++)
            {
                long? nextHold = k + 1 < Kills ? thresholds[k + 1] + HoldAhead : null;
                var standby = new RunnerProcess(chain.Node.Url, chain.DeploymentFile, db, Range, nextHold, lease: "standby");
                Assert.True(leader.WaitForCursor(thresholds[k], Patience), $"the leader did not reach block {thresholds[k]}");
                Thread.Sleep(random.Next(0, 21));
                Assert.False(standby.IsLeader, "the standby took the lease while the leader lived");
                leader.KillHard();
                var killedAt = CrashSafetyTests.AssertConsistent(db);
                Assert.True(killedAt >= lastCursor, $"the cursor went back from {lastCursor} to {killedAt}");
                var watch = System.Diagnostics.Stopwatch.StartNew();
                Assert.True(standby.WaitForLeader(Patience), $"the standby did not take over: {(standby.HasExited ? standby.StandardError : "timed out")}");
                output.WriteLine($"kill {k + 1} after block {thresholds[k]}: cursor {killedAt}, standby leader after {watch.ElapsedMilliseconds} ms");
                leader.Dispose();
                leader = standby;
                lastCursor = killedAt;
            }
            Assert.True(leader.WaitForExit(Patience), "the last leader did not finish the backfill");
            output.WriteLine($"{Kills} kills, {Kills} takeovers; the last leader finished the backfill");
            Assert.True(leader.ExitCode == 0, leader.StandardError);
        }
        finally
        {
            leader.Dispose();
        }
        // 0 lost, 0 duplicated: every table's rows equal those of the clean run (duplicates would show as extra rows).
        var (cleanRows, rows) = (DatabaseDump.Count(cleanDb, "contributions"), DatabaseDump.Count(db, "contributions"));
        Assert.Equal(cleanRows, rows);
        Assert.Equal(DatabaseDump.Canonical(cleanDb), DatabaseDump.Canonical(db));
        // The backfill dropped the contributions' indexes (it is longer than the reorg window) and the process that
        // reached the head built them: the schema ends as the clean run's too.
        Assert.Equal(DatabaseDump.Indexes(cleanDb), DatabaseDump.Indexes(db));
        output.WriteLine($"contributions {rows} (clean run {cleanRows}); canonical dumps equal");
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public void A_second_indexer_not_configured_as_a_standby_is_refused_naming_the_setting_and_writes_nothing(string engineName)
    {
        var engine = engines[engineName];
        var db = engine.Create("two-leaders");
        var first = DeploymentFile.Load(chain.DeploymentFile).StartBlock;
        using var leader = new RunnerProcess(chain.Node.Url, chain.DeploymentFile, db, Range, holdAfter: first + 5, lease: "leader");
        Assert.True(leader.WaitForCursor(first + 5, Patience), $"the leader did not index: {(leader.HasExited ? leader.StandardError : "timed out")}");
        var before = DatabaseDump.Canonical(db);

        using var second = new RunnerProcess(chain.Node.Url, chain.DeploymentFile, db, Range, lease: "leader");
        Assert.True(second.WaitForExit(TimeSpan.FromSeconds(60)), "the second indexer did not stop");
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("another indexer holds the leader lease of", second.StandardError);
        Assert.Contains("Indexer:Standby=true", second.StandardError);
        Assert.Contains($"pid {leader.Id}", second.StandardError);
        Assert.Equal(before, DatabaseDump.Canonical(db));
    }
}

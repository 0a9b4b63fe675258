// IndexerBench --rpc URL --deployment FILE --db FILE [--range BLOCKS] [--rounds N]
// Measures, on the same node and the same block ranges: (1) the raw fetch, eth_getLogs of every range as HTTP
// bodies read to the end and nothing else (the node's own rate: no JSON parsing, no decoding, no writing), one request
// at a time and with two in flight; (2) the same calls read and parsed by the indexer's JSON-RPC client into logs;
// (3) a backfill into a fresh SQLite database
// (fetch, decode, write, pipelined). Rounds alternate the three (6 by default); the best round of each is reported, and
// the median of each round's own backfill-to-raw ratio. Each round also prints the backfill's timeline (TimedChainReader):
// its start before the first eth_getLogs, the time with no eth_getLogs in flight, and its end after the last.
// With the environment variable BENCH_PG_CONNECTION (a PostgreSQL server's connection string, scripts/pg.sh) each round
// also backfills into a fresh PostgreSQL database, and its ratio is reported beside SQLite's.
// --defer-indexes false keeps the contributions' secondary indexes through every backfill (the indexer's default defers
// them in a long one); --node-pid PID adds the Hardhat node's CPU to each PostgreSQL backfill's CPU line; --warmup N runs
// N unmeasured backfills of each engine first (the JIT's tier-up, below).
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Indexer;
using OpenLedger.Indexer.Chain;
using OpenLedger.Indexer.Deployment;
using OpenLedger.Indexer.Store.Postgres;
using OpenLedger.Indexer.Store.Sqlite;
using OpenLedger.Indexer.Sync;

var arguments = args.Chunk(2).ToDictionary(p => p[0].TrimStart('-'), p => p[1]);
var rpcUrl = new Uri(arguments["rpc"]);
var deployment = DeploymentFile.Load(arguments["deployment"]);
var range = int.Parse(arguments.GetValueOrDefault("range", "50"));
var rounds = int.Parse(arguments.GetValueOrDefault("rounds", "6"));
// --defer-indexes false keeps the contributions' secondary indexes through the backfill (IndexerOptions.DeferIndexes).
var deferIndexes = bool.Parse(arguments.GetValueOrDefault("defer-indexes", "true"));
// --node-pid PID: the Hardhat node's process, whose CPU each PostgreSQL backfill then reports beside its own and the server's.
var nodePid = int.Parse(arguments.GetValueOrDefault("node-pid", "0"));
var chain = new RpcChainReader(new JsonRpcClient(new HttpClient(), rpcUrl));
var head = await chain.GetBlockNumberAsync(CancellationToken.None);
using var http = new HttpClient();
var addressList = string.Join(",", deployment.Addresses.Select(a => $"\"{a.ToString().ToLowerInvariant()}\""));

// eth_getLogs of every range as HTTP bodies read to the end, nothing parsed: what the node itself serves. With two in
// flight the node computes one range while it streams the other (it is not single-threaded), so it serves faster than
// one request at a time: both are reported, and the backfill (which keeps ChainIndexer.RangesInFlight in flight) is
// compared with both.
async Task<long> FetchRangeBytesAsync(long from)
{
    var body = $"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getLogs\",\"params\":[{{\"fromBlock\":\"0x{from:x}\",\"toBlock\":\"0x{Math.Min(head, from + range - 1):x}\",\"address\":[{addressList}]}}]}}";
    using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
    using var response = await http.PostAsync(rpcUrl, content);
    return (await response.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync()).Length;
}

async Task<long> FetchBytesAsync(bool twoInFlight = false)
{
    long total = 0;
    Task<long>? ahead = null;
    for (var from = deployment.StartBlock; from <= head; from += range)
    {
        var current = ahead ?? FetchRangeBytesAsync(from);
        ahead = twoInFlight && from + range <= head ? FetchRangeBytesAsync(from + range) : null;
        total += await current;
    }
    return total;
}

if (arguments.ContainsKey("profile"))
{
    // Where the backfill's time goes: fetch, decode and write measured apart on the same ranges.
    var decoder = new OpenLedger.Indexer.Decoding.LogDecoder(deployment);
    var batches = new List<OpenLedger.Indexer.Store.RangeBatch>();
    var fetched = new List<IReadOnlyList<ChainLog>>();
    // CPU time beside wall time: on a shared machine the wall clock mostly measures the neighbours.
    static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
    var cpu = Cpu();
    await FetchBytesAsync();
    var bytesCpu = Cpu() - cpu;
    cpu = Cpu();
    var w = Stopwatch.StartNew();
    for (var from = deployment.StartBlock; from <= head; from += range)
        fetched.Add(await chain.GetLogsAsync(from, Math.Min(head, from + range - 1), deployment.Addresses, CancellationToken.None));
    var fetchTime = w.Elapsed.TotalSeconds;
    var fetchCpu = Cpu() - cpu;
    cpu = Cpu();
    w.Restart();
    var start = deployment.StartBlock;
    foreach (var rangeLogs in fetched)
    {
        var to = Math.Min(head, start + range - 1);
        var batch = new OpenLedger.Indexer.Store.RangeBatch(start, new BlockHeader(to, OpenLedger.Ethereum.Primitives.Keccak.Hash($"b{to}"), default));
        foreach (var log in rangeLogs) decoder.Decode(log, batch);
        batches.Add(batch);
        start = to + 1;
    }
    var decodeTime = w.Elapsed.TotalSeconds;
    var decodeCpu = Cpu() - cpu;
    // The same logs decoded again, compiled code by now: the decode itself without the JIT.
    cpu = Cpu();
    var scratch = new OpenLedger.Indexer.Store.RangeBatch(0, new BlockHeader(0, default, default));
    foreach (var rangeLogs in fetched)
        foreach (var log in rangeLogs) decoder.Decode(log, scratch);
    var warmDecodeCpu = Cpu() - cpu;
    scratch = null;
    var profileDb = arguments["db"] + ".profile";
    var profileStore = new SqliteIndexStore(profileDb);
    await profileStore.MigrateAsync(CancellationToken.None);
    if (arguments.ContainsKey("drop"))
    {
        await using var c = new SqliteConnection($"Data Source={profileDb}");
        await c.OpenAsync();
        await using var d = c.CreateCommand();
        d.CommandText = arguments["drop"];
        await d.ExecuteNonQueryAsync();
    }
    cpu = Cpu();
    w.Restart();
    foreach (var batch in batches) await profileStore.CommitRangeAsync(batch, 128, CancellationToken.None);
    var writeTime = w.Elapsed.TotalSeconds;
    var writeCpu = Cpu() - cpu;
    // The same rows again into a second fresh database: the code is compiled by now, so this is the write itself.
    var warmDb = profileDb + ".warm";
    var warmStore = new SqliteIndexStore(warmDb);
    await warmStore.MigrateAsync(CancellationToken.None);
    cpu = Cpu();
    w.Restart();
    foreach (var batch in batches) await warmStore.CommitRangeAsync(batch, 128, CancellationToken.None);
    Console.WriteLine($"profile: fetch {fetchTime:0.000} s, decode {decodeTime:0.000} s, write {writeTime:0.000} s, warm write {w.Elapsed.TotalSeconds:0.000} s (wall); " +
                      $"fetch bytes only {bytesCpu:0.000} s, fetch {fetchCpu:0.000} s, decode {decodeCpu:0.000} s, warm decode {warmDecodeCpu:0.000} s, write {writeCpu:0.000} s, warm write {Cpu() - cpu:0.000} s (CPU of this process)");
    foreach (var file in new[] { profileDb, warmDb }.SelectMany(f => new[] { f, f + "-wal", f + "-shm" })) File.Delete(file);
    if (Environment.GetEnvironmentVariable("BENCH_PG_CONNECTION") is { } pg)
    {
        // The same rows into fresh PostgreSQL databases, cold then warm: this process's CPU beside the wall clock, the
        // rest of which is the server's work and the round trips.
        for (var pass = 0; pass < 3; pass++)
        {
            var pgStore = new PostgresIndexStore(await CreateDatabaseAsync(pg, $"profile_{Environment.ProcessId}_{pass}"));
            await pgStore.MigrateAsync(CancellationToken.None);
            var server = await ServerCpuAsync(pg);
            cpu = Cpu();
            w.Restart();
            foreach (var batch in batches) await pgStore.CommitRangeAsync(batch, 128, CancellationToken.None);
            var (wall, client) = (w.Elapsed.TotalSeconds, Cpu() - cpu);
            await pgStore.DisposeAsync(); // its server processes exit, and their CPU is counted in the server's
            Console.WriteLine($"profile: PostgreSQL write pass {pass + 1}: {wall:0.000} s wall, {client:0.000} s CPU of this process, " +
                              $"{await ServerCpuAsync(pg) - server:0.00} s CPU of the server");
        }
    }
    return 0;
}

var postgres = Environment.GetEnvironmentVariable("BENCH_PG_CONNECTION");
double bestBytes = double.MaxValue, bestPipelined = double.MaxValue, bestRaw = double.MaxValue, bestIndex = double.MaxValue, bestPostgres = double.MaxValue;
var postgresRatios = new List<double>();

// A backfill into a fresh PostgreSQL database of the server, named after the round, dropped afterwards (the server's
// autovacuum visits every database, and left behind they would take CPU from later rounds). Returns the CPU the node,
// this process and the server spent on it beside the wall clock: on a machine of two cores they share, the wall clock
// cannot fall below half their sum.
async Task<(double Seconds, long Contributions, string Cpu)> PostgresBackfillAsync(int round)
{
    var name = round < 0 ? $"bench_{Environment.ProcessId}_warmup{-round}" : $"bench_{Environment.ProcessId}_{round}";
    var connection = await CreateDatabaseAsync(postgres!, name);
    var store = new PostgresIndexStore(connection);
    var options = new IndexerOptions
    {
        RpcUrl = rpcUrl.ToString(), ChainId = deployment.ChainId, DeploymentFile = arguments["deployment"], DatabasePath = "unused",
        InitialBlockRange = range, MaxBlockRange = range, DeferIndexes = deferIndexes,
    };
    var indexer = new ChainIndexer(chain, store, deployment, options, new IndexerHealth(), NullLogger.Instance);
    await indexer.InitializeAsync(CancellationToken.None);
    var (node, self, server) = (NodeCpu(), Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, await ServerCpuAsync(postgres!));
    var watch = Stopwatch.StartNew();
    await indexer.RunAsync(stopAtHead: true, CancellationToken.None);
    var seconds = watch.Elapsed.TotalSeconds;
    (node, self) = (NodeCpu() - node, Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - self);
    await store.DisposeAsync(); // its backends exit, so their CPU is counted in the server's
    await BackendsGoneAsync(postgres!, name);
    server = await ServerCpuAsync(postgres!) - server;
    long rows;
    await using (var c = new Npgsql.NpgsqlConnection(connection))
    {
        await c.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT COUNT(*) FROM contributions;", c);
        rows = (long)(await count.ExecuteScalarAsync())!;
    }
    Npgsql.NpgsqlConnection.ClearAllPools();
    await using (var admin = new Npgsql.NpgsqlConnection(postgres))
    {
        await admin.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE {name};", admin);
        await drop.ExecuteNonQueryAsync();
    }
    var cpu = $"CPU: {(nodePid > 0 ? $"node {node:0.00} s, " : "")}indexer {self:0.00} s, server {server:0.00} s";
    return (seconds, rows, cpu);
}

double NodeCpu()
{
    if (nodePid <= 0) return 0;
    var fields = File.ReadAllText($"/proc/{nodePid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0; // utime, stime
}
// Each round measures the raw rates and the backfill back to back, so its own ratios see the same machine; on a shared
// machine whose speed drifts between rounds, their median says more than the ratio of bests taken from different rounds.
var roundRatios = new List<(double Bytes, double Pipelined)>();
long logs = 0, contributions = 0, bytes = 0;
// --warmup N: N unmeasured backfills of each engine first. Tiered compilation recompiles a method after 30 calls and
// again once its profile is in, and a backfill calls its per-transaction code some 20 times, so the first backfills of a
// process spend up to 0.4 s of CPU a backfill in the JIT (measured: about 1,000 methods compiled per backfill through
// the sixth); a long-running indexer pays that once, at its start.
var warmup = int.Parse(arguments.GetValueOrDefault("warmup", "0"));
for (var w = 0; w < warmup; w++)
{
    var db = $"{arguments["db"]}.warmup";
    foreach (var f in new[] { db, db + "-wal", db + "-shm" }) File.Delete(f);
    var options = new IndexerOptions
    {
        RpcUrl = rpcUrl.ToString(), ChainId = deployment.ChainId, DeploymentFile = arguments["deployment"], DatabasePath = db,
        InitialBlockRange = range, MaxBlockRange = range, DeferIndexes = deferIndexes,
    };
    var indexer = new ChainIndexer(chain, new SqliteIndexStore(db), deployment, options, new IndexerHealth(), NullLogger.Instance);
    await indexer.InitializeAsync(CancellationToken.None);
    await indexer.RunAsync(stopAtHead: true, CancellationToken.None);
    SqliteConnection.ClearAllPools();
    foreach (var f in new[] { db, db + "-wal", db + "-shm" }) File.Delete(f);
    if (postgres is not null) await PostgresBackfillAsync(-1 - w);
    Console.Error.WriteLine($"warm-up backfill {w + 1} of {warmup} done");
}
for (var round = 0; round < rounds; round++)
{
    var watch = Stopwatch.StartNew();
    bytes = await FetchBytesAsync();
    var bytesTime = watch.Elapsed.TotalSeconds;
    bestBytes = Math.Min(bestBytes, bytesTime);

    watch.Restart();
    await FetchBytesAsync(twoInFlight: true);
    var pipelinedTime = watch.Elapsed.TotalSeconds;
    bestPipelined = Math.Min(bestPipelined, pipelinedTime);

    watch.Restart();
    logs = 0;
    for (var from = deployment.StartBlock; from <= head; from += range)
        logs += (await chain.GetLogsAsync(from, Math.Min(head, from + range - 1), deployment.Addresses, CancellationToken.None)).Count;
    var rawTime = watch.Elapsed.TotalSeconds;
    bestRaw = Math.Min(bestRaw, rawTime);

    var db = $"{arguments["db"]}.{round}";
    foreach (var f in new[] { db, db + "-wal", db + "-shm" }) File.Delete(f);
    var options = new IndexerOptions
    {
        RpcUrl = rpcUrl.ToString(), ChainId = deployment.ChainId, DeploymentFile = arguments["deployment"], DatabasePath = db,
        InitialBlockRange = range, MaxBlockRange = range, DeferIndexes = deferIndexes,
    };
    var store = new SqliteIndexStore(db);
    var timed = new TimedChainReader(chain);
    var indexer = new ChainIndexer(timed, store, deployment, options, new IndexerHealth(), NullLogger.Instance);
    await indexer.InitializeAsync(CancellationToken.None);
    watch.Restart();
    var began = timed.Now;
    await indexer.RunAsync(stopAtHead: true, CancellationToken.None);
    var ended = timed.Now;
    var backfillTime = watch.Elapsed.TotalSeconds;
    bestIndex = Math.Min(bestIndex, backfillTime);
    if (round > 0 || rounds == 1) roundRatios.Add((bytesTime / watch.Elapsed.TotalSeconds, pipelinedTime / watch.Elapsed.TotalSeconds)); // round 1 also compiles
    await using var connection = new SqliteConnection($"Data Source={db}");
    await connection.OpenAsync();
    await using var count = connection.CreateCommand();
    count.CommandText = "SELECT COUNT(*) FROM contributions;";
    contributions = (long)(await count.ExecuteScalarAsync())!;
    var postgresText = "";
    if (postgres is not null)
    {
        var (seconds, rows, cpu) = await PostgresBackfillAsync(round);
        if (rows != contributions) throw new InvalidOperationException($"PostgreSQL backfill has {rows} contributions, SQLite {contributions}");
        bestPostgres = Math.Min(bestPostgres, seconds);
        if (round > 0 || rounds == 1) postgresRatios.Add(bytesTime / seconds);
        postgresText = $", PostgreSQL backfill {seconds:0.000} s ({cpu})";
    }
    Console.Error.WriteLine($"round {round + 1}: raw bytes {bytesTime:0.000} s, two in flight {pipelinedTime:0.000} s, raw parsed {rawTime:0.000} s, backfill {backfillTime:0.000} s{postgresText} " +
                            $"(load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");
    var (firstStart, lastEnd, idle) = timed.Summarize();
    Console.Error.WriteLine($"  backfill timeline: first eth_getLogs sent after {firstStart - began:0.000} s, none in flight for {idle:0.000} s " +
                            $"between the first and the last, done {ended - lastEnd:0.000} s after the last answer was parsed");
}

Console.WriteLine($"blocks {deployment.StartBlock}-{head}, {logs} logs, {contributions} contributions, {range} blocks per eth_getLogs, {bytes / 1e6:0.0} MB of eth_getLogs responses");
Console.WriteLine($"raw eth_getLogs, bytes only   : {bestBytes,8:0.000} s  {contributions / bestBytes,10:N0} contributions/s  {logs / bestBytes,8:N0} logs/s");
Console.WriteLine($"raw eth_getLogs, 2 in flight : {bestPipelined,8:0.000} s  {contributions / bestPipelined,10:N0} contributions/s  {logs / bestPipelined,8:N0} logs/s");
Console.WriteLine($"raw eth_getLogs, client-parsed: {bestRaw,8:0.000} s  {contributions / bestRaw,10:N0} contributions/s  {logs / bestRaw,8:N0} logs/s");
Console.WriteLine($"indexer backfill              : {bestIndex,8:0.000} s  {contributions / bestIndex,10:N0} contributions/s  {logs / bestIndex,8:N0} logs/s");
Console.WriteLine($"backfill / raw bytes          : {bestBytes / bestIndex:0.00}x");
Console.WriteLine($"backfill / raw client-parsed  : {bestRaw / bestIndex:0.00}x");
Console.WriteLine($"backfill / raw, 2 in flight   : {bestPipelined / bestIndex:0.00}x");
static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}
Console.WriteLine($"per-round ratio, raw bytes    : median {Median(roundRatios.Select(r => r.Bytes)):0.00}x, " +
                  $"{roundRatios.Min(r => r.Bytes):0.00}-{roundRatios.Max(r => r.Bytes):0.00}x over {roundRatios.Count} rounds after the first");
if (postgres is not null)
{
    Console.WriteLine($"PostgreSQL backfill           : {bestPostgres,8:0.000} s  {contributions / bestPostgres,10:N0} contributions/s  {logs / bestPostgres,8:N0} logs/s");
    Console.WriteLine($"PostgreSQL backfill / raw bytes: {bestBytes / bestPostgres:0.00}x (SQLite {bestBytes / bestIndex:0.00}x); per-round median " +
                      $"{Median(postgresRatios):0.00}x, {postgresRatios.Min():0.00}-{postgresRatios.Max():0.00}x");
}
Console.WriteLine($"per-round ratio, 2 in flight  : median {Median(roundRatios.Select(r => r.Pipelined)):0.00}x, " +
                  $"{roundRatios.Min(r => r.Pipelined):0.00}-{roundRatios.Max(r => r.Pipelined):0.00}x");
return 0;

// A fresh database of the server; returns its connection string.
static async Task<string> CreateDatabaseAsync(string server, string name)
{
    await using (var admin = new Npgsql.NpgsqlConnection(server))
    {
        await admin.OpenAsync();
        await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name};", admin);
        await create.ExecuteNonQueryAsync();
    }
    return new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
}

// Waits (up to 5 s) until no backend is connected to the database: a closed connection's backend exits a moment later.
static async Task BackendsGoneAsync(string server, string database)
{
    await using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
    await connection.OpenAsync();
    await using var count = new Npgsql.NpgsqlCommand("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = $1;", connection);
    count.Parameters.Add(new Npgsql.NpgsqlParameter { Value = database });
    for (var i = 0; i < 100 && (long)(await count.ExecuteScalarAsync())! > 0; i++) await Task.Delay(50);
}

// The CPU seconds of the server's exited processes (cutime + cstime of the postmaster, the parent of every backend):
// a pass's connections closed, this is what the server spent on it. Only for a server on this machine.
static async Task<double> ServerCpuAsync(string server)
{
    await using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
    await connection.OpenAsync();
    await using var pid = new Npgsql.NpgsqlCommand("SELECT pg_backend_pid();", connection);
    var backend = (int)(await pid.ExecuteScalarAsync())!;
    static string[] Stat(int process) => File.ReadAllText($"/proc/{process}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    var postmaster = int.Parse(Stat(backend)[1]);
    var fields = Stat(postmaster); // after the command name: state is 0, ppid 1, ..., cutime 13, cstime 14
    return (long.Parse(fields[13]) + long.Parse(fields[14])) / 100.0;
}

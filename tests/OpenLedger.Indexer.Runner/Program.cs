// index-to-head --rpc URL --deployment FILE --db FILE --chain-id N [--range N] [--max-range N] [--hold-after N]
//               [--store sqlite|postgres] [--lease leader|standby]
// Prints "cursor N" after every committed range (the crash-safety test kills it at progress thresholds) and
// "indexed to block N" at the end. With --hold-after it stops making progress once it has committed block N and waits
// to be killed: the test's kill then always lands inside the backfill, however fast this machine indexes.
// --store postgres takes the connection string from the environment variable Store__ConnectionString (--db is unused).
// --lease takes the store's leader lease first as the node does (a standby waits for it and prints "leader" when it has
// it): the failover test runs a leader and a standby and kills the leader.
using Microsoft.Extensions.Logging.Abstractions;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Indexer;
using OpenLedger.Indexer.Chain;
using OpenLedger.Indexer.Deployment;
using OpenLedger.Indexer.Leadership;
using OpenLedger.Indexer.Store;
using OpenLedger.Indexer.Sync;

var arguments = args.Chunk(2).ToDictionary(p => p[0].TrimStart('-'), p => p.Length > 1 ? p[1] : "");
string Arg(string name, string? fallback = null) =>
    arguments.TryGetValue(name, out var v) ? v : fallback ?? throw new ArgumentException($"--{name} is required");
var options = new IndexerOptions
{
    RpcUrl = Arg("rpc"), DeploymentFile = Arg("deployment"), DatabasePath = Arg("db"), ChainId = ulong.Parse(Arg("chain-id", "31337")),
    InitialBlockRange = int.Parse(Arg("range", "500")), MaxBlockRange = int.Parse(Arg("max-range", "10000")),
    Standby = Arg("lease", "") == "standby", StandbyPollInterval = TimeSpan.FromMilliseconds(50),
};
var storeOptions = new StoreOptions
{
    Provider = Arg("store", StoreOptions.Sqlite), ConnectionString = Environment.GetEnvironmentVariable("Store__ConnectionString") ?? "",
};
var holdAfter = long.Parse(Arg("hold-after", "-1"));
var failures = IndexerOptionsValidator.Check(options);
if (failures.Count > 0) { Console.Error.WriteLine(string.Join(Environment.NewLine, failures)); return 2; }
var chain = new RpcChainReader(new JsonRpcClient(new HttpClient(), new Uri(options.RpcUrl)));
var store = IndexStores.Create(storeOptions, options);
await using var lease = IndexStores.Lease(store);
var indexer = new ChainIndexer(chain, store, DeploymentFile.Load(options.DeploymentFile), options, new IndexerHealth(), NullLogger.Instance)
{
    RangeCommitted = cursor =>
    {
        Console.Out.WriteLine($"cursor {cursor.Number}");
        // The indexer calls this on its own loop, so blocking here holds it right after a commit.
        if (holdAfter >= 0 && cursor.Number >= holdAfter) Thread.Sleep(Timeout.Infinite);
    },
};
try
{
    if (arguments.ContainsKey("lease"))
    {
        await LeaderStart.TakeAsync(lease, store, options, holder => Console.Out.WriteLine($"standby, lease held by {holder}"), CancellationToken.None);
        Console.Out.WriteLine("leader");
    }
    await indexer.InitializeAsync(CancellationToken.None);
    await indexer.RunAsync(stopAtHead: true, CancellationToken.None);
}
catch (IndexerException e) { Console.Error.WriteLine(e.Message); return 1; }
Console.WriteLine($"indexed to block {(await store.GetCursorAsync(CancellationToken.None))?.Number}");
return 0;

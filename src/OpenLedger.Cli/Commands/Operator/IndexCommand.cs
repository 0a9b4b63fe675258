using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Indexer;
using OpenLedger.Indexer.Chain;
using OpenLedger.Indexer.Deployment;
using OpenLedger.Indexer.Store.Sqlite;
using OpenLedger.Indexer.Sync;
using Spectre.Console;

namespace OpenLedger.Cli.Commands.Operator;

/// <summary>index --to-head: one backfill of the node's SQLite index up to the chain head, then a summary.</summary>
public sealed class IndexCommand : VerbCommand
{
    private readonly Option<string> _database = new("--database") { Description = "SQLite file of the index", DefaultValueFactory = _ => "data/openledger.db" };
    private readonly Option<bool> _toHead = new("--to-head") { Description = "index up to the current head and stop (required: continuous indexing is node run)", Required = true };

    public IndexCommand() : base("index", "backfill the node's index from the chain up to the head")
    {
        Options.Add(_database);
        Options.Add(_toHead);
        Validators.Add(r => { if (r.GetResult(_toHead) is null) r.AddError("index needs --to-head (continuous indexing is node run)"); });
    }

    public override async Task<int> ExecuteAsync(CliContext context, CancellationToken ct)
    {
        var p = context.Parse;
        var deploymentFile = ChainSession.LoadDeployment(context.DeploymentPath);
        var session = await context.ReadChainAsync(ct); // checks the chain id against the deployment
        var deployment = DeploymentFile.Load(context.DeploymentPath);
        var database = Path.GetFullPath(p.GetValue(_database)!);
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        var store = new SqliteIndexStore(database);
        await store.MigrateAsync(ct);
        var before = await store.GetCursorAsync(ct);
        var options = new IndexerOptions { RpcUrl = context.RpcUrl.ToString(), ChainId = deploymentFile.ChainId, DeploymentFile = context.DeploymentPath, DatabasePath = database };
        var indexer = new ChainIndexer(new RpcChainReader(session.Rpc), store, deployment, options, new IndexerHealth(), NullLogger.Instance);
        await indexer.InitializeAsync(ct);
        var head = (long)await session.Rpc.GetBlockNumberAsync(ct);
        var start = before?.Number ?? deployment.StartBlock - 1;
        var steps = 0;

        async Task RunAsync(Action<long>? progress)
        {
            while (true)
            {
                var outcome = await indexer.StepAsync(ct);
                if (outcome is SyncOutcome.NothingNew or SyncOutcome.LocalAhead) return;
                steps++;
                if (await store.GetCursorAsync(ct) is { } cursor) progress?.Invoke(cursor.Number);
            }
        }

        try
        {
            if (context.Console.Interactive && !context.Json)
                await context.Console.Ansi.Progress().StartAsync(async progress =>
                {
                    var task = progress.AddTask("indexing", maxValue: Math.Max(1, head - start));
                    await RunAsync(n => task.Value = n - start);
                });
            else await RunAsync(null);
        }
        catch (IndexerException e)
        {
            throw new CliException($"indexing stopped: {e.Message}");
        }
        var after = await store.GetCursorAsync(ct);
        context.WriteResult(("database", database), ("from", before?.Number + 1 ?? deployment.StartBlock), ("to", after?.Number), ("head", head),
            ("steps", steps), ("cursorHash", after?.Hash));
        return ExitCodes.Ok;
    }
}
